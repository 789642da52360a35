// A collection whose features are large multipolygons (a buffer type is one dissolved
// multipolygon of a whole province), as one feature per polygon: drawn the same, as the parts are
// disjoint, but the map's worker can then be sent it in slices (source-feed.ts) rather than a
// second or more of copying in one task. Each part's id is its feature's, then "/" and its number.
import type { Feature, FeatureCollection } from 'geojson';

const parted = new WeakMap<FeatureCollection, FeatureCollection>();

export function featureParts(collection: FeatureCollection): FeatureCollection {
  const known = parted.get(collection);
  if (known) return known;
  const features: Feature[] = [];
  for (const feature of collection.features) {
    const { geometry } = feature;
    if (geometry?.type !== 'MultiPolygon' || geometry.coordinates.length < 2) {
      features.push(feature);
      continue;
    }
    geometry.coordinates.forEach((polygon, i) => features.push({
      ...feature,
      properties: { ...feature.properties, id: `${String(feature.properties?.id)}/${i}` },
      geometry: { type: 'Polygon', coordinates: polygon },
    }));
  }
  const result = { ...collection, features };
  parted.set(collection, result);
  return result;
}
