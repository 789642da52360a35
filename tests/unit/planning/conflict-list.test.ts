import { describe, expect, it } from 'vitest';
import type { ParcelResult } from '../../../src/domain/analysis-types.ts';
import { conflictList, DEFAULT_CONFLICT_QUERY } from '../../../src/domain/conflict-list.ts';
import { ZONE_TYPES, type Mine, type ParcelFeature, type ZoneType } from '../../../src/domain/model.ts';

function result(id: string, mineId: string, area: number, byType: Partial<Record<ZoneType, number>>, all: number): ParcelResult {
  const full = Object.fromEntries(ZONE_TYPES.map((t) => [t, byType[t] ?? 0])) as Record<ZoneType, number>;
  return {
    id, mine_id: mineId, area_m2: area, area_mu: 0, area_ha: 0, protected_overlap_m2: all, protected_overlap_by_type: full,
    treated_m2: 0, treatment_rate: 0, treated_by_year: {}, zones: [],
  };
}
const mine = (id: string, township: string, category: Mine['category']): Mine => ({
  id, name: id, name_en: id, mineral: 'iron', township_id: township, category, responsible_party: null, location: [0, 0],
});
const mines = [mine('M1', 'T1', 'producing'), mine('M2', 'T2', 'abandoned')];
const parcels = [] as ParcelFeature[];
// A: small overlap, large share; B: large overlap, small share; C: no overlap; D: two types overlapping.
const results = [
  result('A', 'M1', 1000, { river_lake: 800 }, 800),
  result('B', 'M2', 100_000, { traffic_line: 5000 }, 5000),
  result('C', 'M2', 2000, {}, 0),
  result('D', 'M2', 4000, { river_lake: 1000, traffic_line: 1500 }, 2000),
];

describe('the conflict list', () => {
  it('lists only parcels that overlap, largest overlap first, with shares and totals', () => {
    const list = conflictList(results, parcels, mines, DEFAULT_CONFLICT_QUERY);
    expect(list.rows.map((r) => [r.parcelId, r.overlap_m2, r.share])).toEqual([['B', 5000, 0.05], ['D', 2000, 0.5], ['A', 800, 0.8]]);
    expect(list.overlap_m2).toBe(7800);
    expect(list.rows.find((r) => r.parcelId === 'D')?.zoneTypes).toEqual(['traffic_line', 'river_lake']);
  });

  it('sorts by share either way', () => {
    const byShare = conflictList(results, parcels, mines, { ...DEFAULT_CONFLICT_QUERY, sortBy: 'share' });
    expect(byShare.rows.map((r) => r.parcelId)).toEqual(['A', 'D', 'B']);
    const ascending = conflictList(results, parcels, mines, { ...DEFAULT_CONFLICT_QUERY, sortBy: 'share', descending: false });
    expect(ascending.rows.map((r) => r.parcelId)).toEqual(['B', 'D', 'A']);
  });

  it('filters by zone type and reports that type’s overlap, and by township and category', () => {
    const river = conflictList(results, parcels, mines, { ...DEFAULT_CONFLICT_QUERY, zoneType: 'river_lake' });
    expect(river.rows.map((r) => [r.parcelId, r.overlap_m2])).toEqual([['D', 1000], ['A', 800]]);
    expect(conflictList(results, parcels, mines, { ...DEFAULT_CONFLICT_QUERY, townshipId: 'T1' }).rows.map((r) => r.parcelId)).toEqual(['A']);
    expect(conflictList(results, parcels, mines, { ...DEFAULT_CONFLICT_QUERY, category: 'abandoned', zoneType: 'traffic_line' }).rows.map((r) => r.parcelId)).toEqual(['B', 'D']);
    expect(conflictList(results, parcels, mines, { ...DEFAULT_CONFLICT_QUERY, zoneType: 'nature_reserve' }).rows).toEqual([]);
  });
});
