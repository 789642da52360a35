// The basemap the offline tests load: a lake and two roads away from the demo programme's
// parcels (north-east of Qian'an), as a vector PMTiles archive cut by the tests. The lake's
// colour on the map is what the pixel checks look for.
import type { FeatureCollection } from 'geojson';
import { vectorArchive } from './vector-archive.ts';

export const FIXTURE_BOUNDS: [number, number, number, number] = [118.95, 40.3, 119.15, 40.45];
/** Well inside the lake. */
export const LAKE_CENTRE: [number, number] = [119.05, 40.375];

const lake: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature', properties: { kind: 'lake' },
    geometry: { type: 'Polygon', coordinates: [[[118.98, 40.33], [119.12, 40.33], [119.12, 40.42], [118.98, 40.42], [118.98, 40.33]]] },
  }],
};
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { kind: 'primary' }, geometry: { type: 'LineString', coordinates: [[118.95, 40.31], [119.15, 40.44]] } },
    { type: 'Feature', properties: { kind: 'minor' }, geometry: { type: 'LineString', coordinates: [[118.96, 40.44], [119.14, 40.31]] } },
  ],
};

export function basemapFixture(): Uint8Array<ArrayBuffer> {
  return vectorArchive({ water: lake, roads }, FIXTURE_BOUNDS, [6, 12], 'Fulv test county');
}
