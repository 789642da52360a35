// The scenic area, drawn beside an abandoned or closed pit of Muchangkou (northern ones first,
// towards the Great Wall hills), near enough that the pit lies in its 1000 m default buffer.
import type { ZoneFeature } from '../../src/domain/model.ts';
import { insideBounds } from './frame.ts';
import type { LaidMine } from './parcels.ts';
import type { Rng } from './prng.ts';
import { blob } from './shapes.ts';
import type { Space } from './space.ts';
import { besides, gapTo, touchesAnyParcel, zoneFeature } from './zone-helpers.ts';

export function scenicArea(rng: Rng, mines: LaidMine[], space: Space): ZoneFeature {
  const candidates = mines
    .filter((m) => m.mine.township_id === 'QA-TS-MC' && (m.mine.category === 'abandoned' || m.mine.category === 'closed_pit'))
    .sort((a, b) => b.mine.location[1] - a.mine.location[1]);
  const shape = blob(rng, [0, 0], { vertices: 40, aspect: 1.6, rotation: rng.range(0, Math.PI), roughness: 0.25 }, { area: 4e6 });
  for (const m of candidates) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const scenic = besides(shape, rng.pick(m.parcels).circle, rng.range(0, 2 * Math.PI), rng.range(-300, 200));
      if (!space.fits(scenic.circle, 'zone', { own: 0, other: -400, area: 100 }) || !insideBounds(scenic.circle.centre, scenic.circle.radius)) continue;
      if (gapTo(m, scenic.ring) > 800 || touchesAnyParcel(mines, scenic.ring, 60)) continue;
      space.addArea(scenic.ring);
      return zoneFeature({
        id: 'Z-SA-01', name: '白羊峪长城风景区', name_en: 'Baiyangyu Great Wall Scenic Area', zone_type: 'scenic_area',
        note: `风景名胜区（示意范围）；${m.mine.name}位于景区视域内`,
      }, scenic.ring);
    }
  }
  throw new Error('no room for the scenic area');
}
