// Protection zones drawn around the mines once they are laid out, so that they really
// constrain some of them: a nature reserve holding a policy-closed mine (the classic reason for
// closing it), the water-source area, the scenic area and the villages (each in its own file).
import type { ZoneFeature } from '../../src/domain/model.ts';
import type { XY } from './frame.ts';
import { distance, offset } from './metric.ts';
import type { LaidMine } from './parcels.ts';
import type { Rng } from './prng.ts';
import { scenicArea } from './scenic-area.ts';
import { blob } from './shapes.ts';
import type { Space } from './space.ts';
import { villages } from './villages.ts';
import { waterSource } from './water-source.ts';
import { cluster, touchesAnyParcel, zoneFeature } from './zone-helpers.ts';

function natureReserve(rng: Rng, mines: LaidMine[], space: Space): ZoneFeature {
  const [inside] = mines
    .filter((m) => m.mine.township_id === 'QA-TS-DW' && m.mine.category === 'policy_closed')
    .sort((a, b) => b.mine.location[1] - a.mine.location[1]);
  if (!inside) throw new Error('no policy-closed mine in Dawuli for the nature reserve');
  const around = cluster(inside);
  // Working mines are not allowed in a reserve: keep the outline off them.
  const working = mines.filter((m) => m.mine.category === 'producing' || m.mine.category === 'under_construction');
  const draw = () => {
    const centre = offset(around.centre, rng.range(0, 2 * Math.PI), 500);
    const spec = { vertices: 48, aspect: 1.4, rotation: rng.range(0, Math.PI), roughness: 0.2 };
    return blob(rng, centre, spec, { inner: distance(centre, around.centre) + around.radius + 300 });
  };
  let reserve = draw();
  for (let attempt = 0; touchesAnyParcel(working, reserve.ring, 300); attempt++) {
    if (attempt > 200) throw new Error('the nature reserve cannot keep off the working mines');
    reserve = draw();
  }
  space.addArea(reserve.ring);
  return zoneFeature({
    id: 'Z-NR-01', name: '燕山迁安段森林自然保护区', name_en: "Yanshan (Qian'an) Forest Nature Reserve", zone_type: 'nature_reserve',
    note: `省级自然保护区（示意范围）；区内矿山均已关闭或废弃，${inside.mine.name}等列为优先治理`,
  }, reserve.ring);
}

export function zonesAround(rng: Rng, mines: LaidMine[], river: XY[], space: Space): ZoneFeature[] {
  return [
    natureReserve(rng, mines, space),
    waterSource(rng, river, mines, space),
    scenicArea(rng, mines, space),
    ...villages(rng, mines, space),
  ];
}
