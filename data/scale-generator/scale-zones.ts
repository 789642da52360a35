// The 三区两线 of a province-scale programme: rivers and traffic lines crossing the whole
// extent, and protected areas dotted over it, so that some parcels fall in their buffers.
import { ZONE_TYPES, type ZoneFeature, type ZoneType } from '../../src/domain/model.ts';
import type { XY } from '../demo-generator/frame.ts';
import { metricLine, metricPolygon } from '../demo-generator/geojson.ts';
import type { Rng } from '../demo-generator/prng.ts';
import { blob, meander } from '../demo-generator/shapes.ts';

const NAMES: Record<ZoneType, [string, string]> = {
  nature_reserve: ['自然保护区', 'Nature Reserve'],
  water_source: ['水源地保护区', 'Water Source Protection Area'],
  scenic_area: ['风景名胜区', 'Scenic Area'],
  residential_area: ['居民集中生活区', 'Residential Area'],
  traffic_line: ['干线公路', 'Trunk Road'],
  river_lake: ['河流', 'River'],
};

function zone(id: number, type: ZoneType, geometry: ZoneFeature['geometry']): ZoneFeature {
  const [name, nameEn] = NAMES[type];
  return {
    type: 'Feature',
    geometry,
    properties: { id: `S-Z${String(id).padStart(4, '0')}`, name: `${name}${id}`, name_en: `${nameEn} ${id}`, zone_type: type, note: '' },
  };
}

/** `lines` rivers and roads across the extent, `areas` protected polygons inside it. */
export function scaleZones(rng: Rng, [west, south, east, north]: [number, number, number, number], lines: number, areas: number): ZoneFeature[] {
  const out: ZoneFeature[] = [];
  for (let i = 0; i < lines; i++) {
    const type: ZoneType = i % 3 === 0 ? 'river_lake' : 'traffic_line';
    const across = rng.chance(0.5);
    const from: XY = across ? [west, rng.range(south, north)] : [rng.range(west, east), south];
    const to: XY = across ? [east, rng.range(south, north)] : [rng.range(west, east), north];
    const mid: XY = [(from[0] + to[0]) / 2 + rng.range(-5000, 5000), (from[1] + to[1]) / 2 + rng.range(-5000, 5000)];
    const spacing = Math.max(400, Math.hypot(to[0] - from[0], to[1] - from[1]) / 150);
    out.push(zone(out.length + 1, type, metricLine(meander(rng, [from, mid, to], spacing, 800))));
  }
  const areaTypes = ZONE_TYPES.filter((t) => t !== 'traffic_line' && t !== 'river_lake');
  for (let i = 0; i < areas; i++) {
    const type = areaTypes[i % areaTypes.length]!;
    const centre: XY = [rng.range(west, east), rng.range(south, north)];
    const spec = { vertices: rng.int(24, 60), aspect: rng.range(1, 2), rotation: rng.range(0, Math.PI), roughness: 0.3 };
    out.push(zone(out.length + 1, type, metricPolygon(blob(rng, centre, spec, { area: rng.range(1, 12) * 1e6 }).ring)));
  }
  return out;
}
