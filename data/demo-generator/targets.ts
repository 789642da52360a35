// Yearly targets in 亩 per township and category group, in the manner of seed 001 (生产矿山 /
// 闭坑、政策性关闭和废弃矿山 set apart). Each township is asked to treat about 65% of its parcel
// area by 2025 (seed 004's rate for legacy mines), ramping up and then easing off, each year
// give or take 15% as real allocations are. Unlike real plans, the stated totals here are the
// exact sums of the rows.
import { m2ToMu } from '../../src/domain/units.ts';
import { ellipsoidalArea } from '../../src/domain/ellipsoidal-area.ts';
import { TARGET_CATEGORY_GROUPS, type MineCategory, type Target, type TargetCategoryGroup, type TargetTable } from '../../src/domain/model.ts';
import type { LaidMine } from './parcels.ts';
import type { Rng } from './prng.ts';
import { TOWNSHIPS } from './places.ts';

const RATE = 0.65;
const YEAR_SHARES: [number, number][] = [[2019, 0.08], [2020, 0.1], [2021, 0.14], [2022, 0.16], [2023, 0.18], [2024, 0.18], [2025, 0.16]];

/** New mines answer for their own damage as producing ones do ("不再欠新账"). */
function group(category: MineCategory): TargetCategoryGroup {
  return category === 'producing' || category === 'under_construction' ? 'producing' : 'closed_and_abandoned';
}

/** Whole 亩 from 100 up, tenths below, as seed 001 writes them; kept in tenths to add exactly. */
function tenths(mu: number): number {
  return mu >= 100 ? Math.round(mu) * 10 : Math.round(mu * 10);
}

export function targetTable(rng: Rng, mines: LaidMine[]): TargetTable {
  const rows: Target[] = [];
  const totals = new Map<number, number>();
  for (const township of TOWNSHIPS) {
    for (const g of TARGET_CATEGORY_GROUPS) {
      const m2 = mines
        .filter((m) => m.mine.township_id === township.id && group(m.mine.category) === g)
        .flatMap((m) => m.parcels)
        .reduce((sum, p) => sum + ellipsoidalArea(p.geometry), 0);
      for (const [year, share] of YEAR_SHARES) {
        const t = tenths(m2ToMu(m2) * RATE * share * rng.range(0.85, 1.15));
        rows.push({ township_id: township.id, category_group: g, year, target_mu: t / 10 });
        totals.set(year, (totals.get(year) ?? 0) + t);
      }
    }
  }
  return {
    rows,
    stated_totals: YEAR_SHARES.map(([year]) => ({ year, target_mu: totals.get(year)! / 10 })),
    source: '合成演示数据：仿照新宾县专项行动方案（种子001）的体例，按各乡镇图斑面积的约65%分年度下达，单位：亩',
  };
}
