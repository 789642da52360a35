// A full 三区两线 set for a generated programme: 40 roads and rivers, 30 protected polygons.
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { ZoneGeometry, ZoneProperties, ZoneType } from '../../../src/domain/model.ts';
import type { Prng } from './prng.ts';
import { starRing, wanderingLine } from './shapes.ts';

export type BBox = [number, number, number, number];

const POLYGON_ZONES: [ZoneType, number, [number, number]][] = [
  ['nature_reserve', 5, [2e6, 2e7]],
  ['water_source', 8, [3e5, 3e6]],
  ['scenic_area', 7, [5e5, 5e6]],
  ['residential_area', 10, [2e5, 2e6]],
];

function point(rng: Prng, box: BBox): Position {
  return [rng.between(box[0], box[2]), rng.between(box[1], box[3])];
}

export function generateZones(rng: Prng, box: BBox, lines = 40): FeatureCollection<ZoneGeometry, ZoneProperties> {
  const features: Feature<ZoneGeometry, ZoneProperties>[] = [];
  const add = (type: ZoneType, geometry: ZoneGeometry): void => {
    const id = `Z${String(features.length + 1).padStart(3, '0')}`;
    features.push({ type: 'Feature', geometry, properties: { id, name: `${type} ${id}`, name_en: `${type} ${id}`, zone_type: type, note: 'generated' } });
  };
  for (let i = 0; i < lines; i++) {
    const type: ZoneType = i % 2 === 0 ? 'traffic_line' : 'river_lake';
    add(type, { type: 'LineString', coordinates: wanderingLine(rng, point(rng, box), rng.between(5000, 25000), rng.int(15, 60)) });
  }
  for (const [type, count, [minArea, maxArea]] of POLYGON_ZONES) {
    for (let i = 0; i < count; i++) {
      add(type, { type: 'Polygon', coordinates: [starRing(rng, point(rng, box), rng.logBetween(minArea, maxArea), rng.int(30, 100))] });
    }
  }
  return { type: 'FeatureCollection', features };
}
