// Which protection buffers a polygon being drawn enters: the surveyor's live warning. The buffers
// are the unioned per-type features the map draws, so the warning matches what is on screen.
import booleanIntersects from '@turf/boolean-intersects';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { featureBounds } from './feature-bounds.ts';
import type { ZoneType } from './model.ts';

function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

export function buffersEntered(
  polygon: Polygon,
  buffers: FeatureCollection<Polygon | MultiPolygon, { zone_type: ZoneType }> | null,
): ZoneType[] {
  if (!buffers) return [];
  const shape: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: polygon };
  const box = featureBounds(shape);
  if (!box) return [];
  return buffers.features
    .filter((b) => {
      const bufferBox = featureBounds(b);
      return bufferBox !== null && boxesMeet(box, bufferBox) && booleanIntersects(shape, b);
    })
    .map((b) => b.properties.zone_type);
}
