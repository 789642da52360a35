// The protection buffers as GeoJSON for the map: one unioned feature per zone type, so that what
// is drawn is exactly what the overlaps are measured against.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readZones } from './analysis-input.ts';
import type { InputFeature, Issue } from './analysis-types.ts';
import type { BufferDistances } from './buffer-presets.ts';
import { geosToPacked, type GeosPtr } from './geos/geos-geometry.ts';
import { loadGeos, type Geos } from './geos/geos-loader.ts';
import { ZONE_TYPES, type ZoneType } from './model.ts';
import { unpackGeometry } from './packed-geometry.ts';
import { buildTypeLayer, destroyTypeLayer, type TypeLayer } from './zone-layers.ts';

export interface BufferFeatureProperties {
  id: string;
  zone_type: ZoneType;
  distance_m: number;
}

export type BufferCollection = FeatureCollection<Polygon | MultiPolygon, BufferFeatureProperties>;

/** The polygonal part of a GEOS geometry as GeoJSON; null when it has no area. */
export function geosToGeojson(geos: Geos, geometry: GeosPtr | null): Polygon | MultiPolygon | null {
  const packed = geometry ? geosToPacked(geos, geometry) : null;
  return packed ? (unpackGeometry(packed) as Polygon | MultiPolygon) : null;
}

/** The map features of built type layers (empty layers are left out). */
export function typeLayerFeatures(geos: Geos, layers: readonly TypeLayer[]): BufferCollection {
  const features: Feature<Polygon | MultiPolygon, BufferFeatureProperties>[] = [];
  for (const layer of layers) {
    const geometry = geosToGeojson(geos, layer.union);
    if (geometry) features.push({ type: 'Feature', geometry, properties: { id: `buffer-${layer.type}`, zone_type: layer.type, distance_m: layer.metres } });
  }
  return { type: 'FeatureCollection', features };
}

export async function protectionBufferFeatures(
  zones: readonly InputFeature[], distances: BufferDistances,
): Promise<{ collection: BufferCollection; issues: Issue[] }> {
  const geos = await loadGeos();
  const report = { issues: [], notices: [] };
  const items = readZones(geos, zones, report);
  const layers = ZONE_TYPES.map((type) => buildTypeLayer(geos, type, items, distances[type]));
  const collection = typeLayerFeatures(geos, layers);
  for (const layer of layers) destroyTypeLayer(geos, layer);
  return { collection, issues: report.issues };
}
