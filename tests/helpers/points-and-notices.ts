// A file a new user might well have: 459 mine points (which cannot be parcels) and 3 boundaries
// whose rings repeat a vertex (kept, with a notice), as GEM's own boundaries are.
import type { Feature, FeatureCollection } from 'geojson';

export const POINTS = 459;
export const NOTICED = ['B-1', 'B-2', 'B-3'];

/** Polygons around (lon, lat) with their second vertex given twice; points in a grid to the west. */
export function pointsAndNotices(lon = 118.9, lat = 40.3): FeatureCollection {
  const points: Feature[] = Array.from({ length: POINTS }, (_, i) => ({
    type: 'Feature', properties: { id: `P-${i + 1}`, 'Mine Name': `Mine ${i + 1}` },
    geometry: { type: 'Point', coordinates: [lon - 0.05 + (i % 23) * 0.002, lat + Math.floor(i / 23) * 0.002] },
  }));
  const boundaries: Feature[] = NOTICED.map((id, i) => {
    const x = lon + i * 0.01;
    return {
      type: 'Feature', properties: { id, 'Mine Name': `Boundary mine ${i + 1}` },
      geometry: { type: 'Polygon', coordinates: [[[x, lat], [x + 0.005, lat], [x + 0.005, lat], [x + 0.005, lat + 0.005], [x, lat + 0.005], [x, lat]]] },
    };
  });
  return { type: 'FeatureCollection', features: [...points, ...boundaries] };
}
