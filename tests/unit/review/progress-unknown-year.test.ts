// Treated area whose polygons have no date (the analysis's UNKNOWN_YEAR bucket) in progress
// against targets: in the totals, townships and groups, in a row of its own after the spans and
// in no span, with figures summed here by hand.
import { describe, expect, it } from 'vitest';
import { UNKNOWN_YEAR } from '../../../src/domain/analysis-types.ts';
import type { Mine, ParcelStatus, TargetTable } from '../../../src/domain/model.ts';
import { targetProgress, type ParcelProgressFigures } from '../../../src/domain/target-progress.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';

const mine = (id: string, township_id: string, category: Mine['category']): Mine => ({ id, name: id, name_en: id, mineral: '铁矿', township_id, category, responsible_party: null, location: [118.6, 40.1] });
const mines = deepFreeze([mine('A', 'T1', 'abandoned'), mine('B', 'T2', 'producing')]);
const parcels = deepFreeze<ParcelProgressFigures[]>([
  { id: 'P1', mine_id: 'A', area_m2: 10_000, treated_m2: 700, treated_by_year: { 2022: 400, [UNKNOWN_YEAR]: 300 } },
  { id: 'P2', mine_id: 'B', area_m2: 5_000, treated_m2: 50, treated_by_year: { [UNKNOWN_YEAR]: 50 } },
  { id: 'P3', mine_id: 'A', area_m2: 2_000, treated_m2: 200, treated_by_year: { 2023: 200 } },
]);
const statuses = new Map<string, ParcelStatus>([['P1', 'accepted']]);
const targets: TargetTable = deepFreeze({
  rows: [{ township_id: 'T1', category_group: 'closed_and_abandoned', year: 2022, to_year: 2023, target_mu: 3 }],
  stated_totals: [],
  source: 'test',
});
const progress = () => targetProgress({ targets, townships: [{ id: 'T1' }, { id: 'T2' }], mines, parcels, statuses });

describe('treated area of unknown year in progress', () => {
  it('is counted in the totals, townships and groups', () => {
    const p = progress();
    expect(p.total.treated_m2).toBe(950);
    expect(p.total.accepted_m2).toBe(700);
    expect(p.townships.map((t) => [t.township_id, t.treated_m2])).toEqual([['T1', 900], ['T2', 50]]);
    expect(p.groups.find((g) => g.group === 'producing')!.treated_m2).toBe(50);
  });

  it('has a row of its own after the spans, per township and group too, and is in no span', () => {
    const p = progress();
    expect(p.spans.map((s) => [s.year, s.to_year, s.treated_m2])).toEqual([[2022, 2023, 600]]);
    expect(p.spans[0]!.cumulative.treated_m2).toBe(600);
    expect(p.unknown_year).toEqual({
      target_mu: 0, area_m2: 0, treated_m2: 350, accepted_m2: 300,
      cumulative: { target_mu: 3, area_m2: 0, treated_m2: 950, accepted_m2: 700 },
      cells: [
        { township_id: 'T1', group: 'closed_and_abandoned', target_mu: 0, area_m2: 0, treated_m2: 300, accepted_m2: 300 },
        { township_id: 'T2', group: 'producing', target_mu: 0, area_m2: 0, treated_m2: 50, accepted_m2: 0 },
      ],
    });
    expect(p.cells.reduce((s, c) => s + c.treated_m2, 0) + p.unknown_year!.treated_m2).toBe(p.total.treated_m2);
  });

  it('is null when every treated area has a year', () => {
    expect(targetProgress({ targets, townships: [{ id: 'T1' }], mines, parcels: [parcels[2]!], statuses }).unknown_year).toBeNull();
  });
});
