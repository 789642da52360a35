// Which protection buffers a polygon being drawn enters: the surveyor's live warning. The buffers
// are the unioned per-type features the map draws, so the warning matches what is on screen.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { featureBounds, type Bounds } from './feature-bounds.ts';
import type { ZoneType } from './model.ts';
import { polygonsMeet } from './polygons-meet.ts';

function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

interface BufferPart {
  zoneType: ZoneType;
  part: Feature<Polygon>;
  box: Bounds;
}

/**
 * Each buffer cut into its polygons with their bboxes, once per buffer collection: a unioned
 * buffer spans the whole programme, so testing the drawn shape against all of it on every
 * pointer move took ~0.15 s; only the few parts near the shape need the exact test.
 */
const partsOf = new WeakMap<object, BufferPart[]>();

function bufferParts(buffers: FeatureCollection<Polygon | MultiPolygon, { zone_type: ZoneType }>): BufferPart[] {
  let parts = partsOf.get(buffers);
  if (parts) return parts;
  parts = [];
  for (const b of buffers.features) {
    const polygons = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
    for (const coordinates of polygons) {
      const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
      const box = featureBounds(part);
      if (box) parts.push({ zoneType: b.properties.zone_type, part, box });
    }
  }
  partsOf.set(buffers, parts);
  return parts;
}

export function buffersEntered(
  polygon: Polygon,
  buffers: FeatureCollection<Polygon | MultiPolygon, { zone_type: ZoneType }> | null,
): ZoneType[] {
  if (!buffers) return [];
  const shape: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: polygon };
  const box = featureBounds(shape);
  if (!box) return [];
  const entered = new Set<ZoneType>();
  for (const { zoneType, part, box: partBox } of bufferParts(buffers)) {
    if (!entered.has(zoneType) && boxesMeet(box, partBox) && polygonsMeet(polygon.coordinates, part.geometry.coordinates)) entered.add(zoneType);
  }
  // In the collection's order, as the warning lists them.
  return buffers.features.map((b) => b.properties.zone_type).filter((t, i, all) => entered.has(t) && all.indexOf(t) === i);
}
