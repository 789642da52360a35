// Villages (居民集中生活区): most beside a mine and named after the same place, a few hundred
// metres off its parcels, inside or just outside the 500 m default buffer; two far from any mine.
import type { ZoneFeature, ZoneProperties } from '../../src/domain/model.ts';
import { insideBounds, toMetric, type XY } from './frame.ts';
import type { LaidMine } from './parcels.ts';
import { REMOTE_VILLAGES } from './places.ts';
import type { Rng } from './prng.ts';
import { blob, type Shape } from './shapes.ts';
import type { Space } from './space.ts';
import { besides, moveTo, zoneFeature } from './zone-helpers.ts';

const NEAR_VILLAGES = 8;
const GAPS = { own: 400, other: 60, line: 40, area: 150 };

function outline(rng: Rng, ha: [number, number]): Shape {
  const spec = { vertices: rng.int(12, 24), aspect: rng.range(1, 1.8), rotation: rng.range(0, Math.PI), roughness: 0.25 };
  return blob(rng, [0, 0], spec, { area: rng.range(...ha) * 1e4 });
}

export function villages(rng: Rng, mines: LaidMine[], space: Space): ZoneFeature[] {
  const placed: [readonly [string, string], XY[]][] = [];
  for (const m of rng.shuffle(mines)) {
    if (placed.length === NEAR_VILLAGES) break;
    const shape = outline(rng, [12, 45]);
    for (let attempt = 0; attempt < 60; attempt++) {
      const village = besides(shape, rng.pick(m.parcels).circle, rng.range(0, 2 * Math.PI), rng.range(60, 600));
      if (!space.fits(village.circle, 'village', GAPS) || !insideBounds(village.circle.centre, village.circle.radius)) continue;
      space.addCircle(village.circle, 'village');
      placed.push([m.plan.stem, village.ring]);
      break;
    }
  }
  for (const stem of REMOTE_VILLAGES) {
    const shape = outline(rng, [20, 50]);
    for (let attempt = 0; ; attempt++) {
      if (attempt > 2000) throw new Error(`no room for ${stem[0]}`);
      const to = toMetric([rng.range(118.42, 118.88), rng.range(39.92, 40.23)]);
      const village = moveTo(shape, to);
      if (space.clearance(to) < 2500 + shape.circle.radius || !space.fits(village.circle, 'village', { ...GAPS, other: 0 })) continue;
      if (!insideBounds(to, shape.circle.radius)) continue;
      space.addCircle(village.circle, 'village');
      placed.push([stem, village.ring]);
      break;
    }
  }
  return placed.map(([stem, ring], i) => zoneFeature(villageProperties(rng, stem, i), ring));
}

function villageProperties(rng: Rng, stem: readonly [string, string], index: number): ZoneProperties {
  return {
    id: `Z-RA-${String(index + 1).padStart(2, '0')}`,
    name: `${stem[0]}村`,
    name_en: `${stem[1]} Village`,
    zone_type: 'residential_area',
    note: `居民集中生活区，约${rng.int(15, 90) * 10}户`,
  };
}
