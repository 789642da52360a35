// The protection buffers as GeoJSON for the map: one unioned feature per zone type, so that what
// is drawn is exactly what the overlaps are measured against.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readZones } from './analysis-input.ts';
import type { InputFeature, Issue } from './analysis-types.ts';
import type { BufferDistances } from './buffer-presets.ts';
import { geosToPacked } from './geos/geos-geometry.ts';
import { loadGeos } from './geos/geos-loader.ts';
import { ZONE_TYPES, type ZoneType } from './model.ts';
import { unpackGeometry } from './packed-geometry.ts';
import { buildTypeLayer, destroyTypeLayer } from './zone-layers.ts';

export interface BufferFeatureProperties {
  id: string;
  zone_type: ZoneType;
  distance_m: number;
}

export async function protectionBufferFeatures(
  zones: readonly InputFeature[], distances: BufferDistances,
): Promise<{ collection: FeatureCollection<Polygon | MultiPolygon, BufferFeatureProperties>; issues: Issue[] }> {
  const geos = await loadGeos();
  const report = { issues: [], notices: [] };
  const items = readZones(geos, zones, report);
  const features: Feature<Polygon | MultiPolygon, BufferFeatureProperties>[] = [];
  for (const type of ZONE_TYPES) {
    const layer = buildTypeLayer(geos, type, items, distances[type]);
    const packed = layer.union ? geosToPacked(geos, layer.union) : null;
    destroyTypeLayer(geos, layer);
    if (!packed) continue;
    const geometry = unpackGeometry(packed) as Polygon | MultiPolygon;
    features.push({ type: 'Feature', geometry, properties: { id: `buffer-${type}`, zone_type: type, distance_m: distances[type] } });
  }
  return { collection: { type: 'FeatureCollection', features }, issues: report.issues };
}
