// Targets for periods (seed 002: 5.7 公顷 for 2022–2023, 18.85 公顷 for 2024–2025) against
// treated area summed by hand from the years each period covers; rows of one township and group
// whose years overlap are flagged, not merged; a stated total covers the periods inside it.
import { describe, expect, it } from 'vitest';
import type { Mine, ParcelStatus, TargetTable } from '../../../src/domain/model.ts';
import { targetInconsistencies } from '../../../src/domain/target-consistency.ts';
import { targetOverlaps } from '../../../src/domain/target-overlaps.ts';
import { targetProgress, type ParcelProgressFigures } from '../../../src/domain/target-progress.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';

const YH = 'YH';
const mine = (id: string, category: Mine['category']): Mine => ({ id, name: id, name_en: id, mineral: '铁矿', township_id: YH, category, responsible_party: null, location: [128.8, 47.8] });
const mines = deepFreeze([mine('legacy', 'abandoned'), mine('working', 'producing')]);
/** Treated m² per year, as the engine reports them. */
const parcels = deepFreeze<ParcelProgressFigures[]>([
  { id: 'L1', mine_id: 'legacy', area_m2: 100_000, treated_m2: 1900, treated_by_year: { 2021: 100, 2022: 1000, 2023: 500, 2025: 300 } },
  { id: 'L2', mine_id: 'legacy', area_m2: 50_000, treated_m2: 70, treated_by_year: { 2024: 70 } },
  { id: 'W1', mine_id: 'working', area_m2: 20_000, treated_m2: 50, treated_by_year: { 2022: 50 } },
]);
const statuses = new Map<string, ParcelStatus>([['L1', 'accepted'], ['L2', 'treated'], ['W1', 'in_progress']]);

/** Seed 002 in 亩 (× 15), with a one-year target for the producing mine beside it. */
const seed002: TargetTable = deepFreeze({
  rows: [
    { township_id: YH, category_group: 'closed_and_abandoned', year: 2022, to_year: 2023, target_mu: 85.5 },
    { township_id: YH, category_group: 'closed_and_abandoned', year: 2024, to_year: 2025, target_mu: 282.75 },
    { township_id: YH, category_group: 'producing', year: 2022, target_mu: 10 },
  ],
  stated_totals: [{ year: 2022, to_year: 2025, township_id: YH, category_group: 'closed_and_abandoned', target_mu: 368.25 }],
  source: '友好区矿山生态修复治理行动计划（种子002）',
});
const progress = (targets: TargetTable) => targetProgress({ targets, townships: [{ id: YH }], mines, parcels, statuses });

describe('progress against targets for periods', () => {
  it('gives a period the treated area of the years it covers, and a year no target covers its own row', () => {
    const { cells } = progress(seed002);
    expect(cells.map((c) => ({ year: c.year, to_year: c.to_year, group: c.group, target_mu: c.target_mu, treated_m2: c.treated_m2, accepted_m2: c.accepted_m2 }))).toEqual([
      { year: 2021, to_year: undefined, group: 'closed_and_abandoned', target_mu: 0, treated_m2: 100, accepted_m2: 100 },
      { year: 2022, to_year: undefined, group: 'producing', target_mu: 10, treated_m2: 50, accepted_m2: 0 },
      // 1000 (2022) + 500 (2023) of L1, accepted.
      { year: 2022, to_year: 2023, group: 'closed_and_abandoned', target_mu: 85.5, treated_m2: 1500, accepted_m2: 1500 },
      // 300 (2025) of L1, accepted, and 70 (2024) of L2, not.
      { year: 2024, to_year: 2025, group: 'closed_and_abandoned', target_mu: 282.75, treated_m2: 370, accepted_m2: 300 },
    ]);
  });

  it('adds the spans up in order, cumulative to the end of each: targets due by then, all treated by then', () => {
    const { spans } = progress(seed002);
    expect(spans.map((s) => [s.year, s.to_year, s.target_mu, s.treated_m2])).toEqual([
      [2021, undefined, 0, 100], [2022, undefined, 10, 50], [2022, 2023, 85.5, 1500], [2024, 2025, 282.75, 370],
    ]);
    expect(spans.map((s) => [s.cumulative.target_mu, s.cumulative.treated_m2, s.cumulative.accepted_m2])).toEqual([
      [0, 100, 100],
      [10, 100 + 1000 + 50, 100 + 1000],
      [10 + 85.5, 100 + 1000 + 50 + 500, 100 + 1000 + 500],
      [10 + 85.5 + 282.75, 2020, 1900],
    ]);
  });

  it('keeps the township, group and overall figures whatever the spans', () => {
    const { total, groups } = progress(seed002);
    expect(total).toMatchObject({ target_mu: 378.25, treated_m2: 2020, accepted_m2: 1900, area_m2: 170_000, parcels: 3, accepted_parcels: 1 });
    expect(groups.find((g) => g.group === 'closed_and_abandoned')).toMatchObject({ target_mu: 368.25, treated_m2: 1970, area_m2: 150_000 });
  });

  it('gives a year to every span of the plan that covers it when spans overlap (and flags them)', () => {
    const overlapping: TargetTable = deepFreeze({ ...seed002, rows: [...seed002.rows, { township_id: YH, category_group: 'closed_and_abandoned', year: 2023, target_mu: 20 }] });
    const { cells } = progress(overlapping);
    expect(cells.find((c) => c.year === 2023 && c.to_year === undefined)?.treated_m2).toBe(500);
    expect(cells.find((c) => c.year === 2022 && c.to_year === 2023)?.treated_m2).toBe(1500);
    expect(targetOverlaps(overlapping)).toEqual([{ first: seed002.rows[0], second: { township_id: YH, category_group: 'closed_and_abandoned', year: 2023, target_mu: 20 } }]);
  });
});

describe('consistency of targets for periods', () => {
  it('finds seed 002 consistent: its total is the sum of its two periods, and adjacent periods do not overlap', () => {
    expect(targetInconsistencies(seed002)).toEqual([]);
    expect(targetOverlaps(seed002)).toEqual([]);
  });

  it('flags a year inside a period of the same township and group, not one of another group', () => {
    const rows = [
      { township_id: YH, category_group: 'producing' as const, year: 2022, to_year: 2024, target_mu: 30 },
      { township_id: YH, category_group: 'producing' as const, year: 2024, target_mu: 12 },
      { township_id: YH, category_group: 'closed_and_abandoned' as const, year: 2023, target_mu: 9 },
    ];
    expect(targetOverlaps(deepFreeze({ ...seed002, rows }))).toEqual([{ first: rows[0], second: rows[1] }]);
  });

  it('leaves a period reaching past a stated total out of its sum, so the total is flagged', () => {
    const table: TargetTable = deepFreeze({ ...seed002, stated_totals: [{ year: 2022, to_year: 2024, township_id: YH, category_group: 'closed_and_abandoned', target_mu: 368.25 }] });
    expect(targetInconsistencies(table)).toEqual([{ total: table.stated_totals[0], rows_mu: 85.5, rows: 1, difference_mu: 282.75 }]);
  });
});
