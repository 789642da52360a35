// Totals per programme, mine, township, category and year, summed from the parcel figures (which
// is why each parcel's treated area is already counted once) plus treated area outside parcels.
import { UNKNOWN_YEAR, type ByZoneType, type GroupTotals, type ParcelResult, type Totals, type YearTotals } from './analysis-types.ts';
import { ZONE_TYPES } from './model.ts';
import { m2ToHa, m2ToMu } from './units.ts';

export interface TotalsRow {
  result: ParcelResult;
  township: string | null;
  category: string | null;
}

/** Group key for parcels whose mine, township or category is not known. */
export const UNKNOWN_GROUP = 'unknown';

function emptyGroup(): GroupTotals {
  return { parcels: 0, area_m2: 0, area_mu: 0, protected_overlap_m2: 0, treated_m2: 0, treatment_rate: 0 };
}

function add(group: GroupTotals, r: ParcelResult): void {
  group.parcels++;
  group.area_m2 += r.area_m2;
  group.protected_overlap_m2 += r.protected_overlap_m2;
  group.treated_m2 += r.treated_m2;
}

function finish(group: GroupTotals): GroupTotals {
  group.area_mu = m2ToMu(group.area_m2);
  group.treatment_rate = group.area_m2 > 0 ? group.treated_m2 / group.area_m2 : 0;
  return group;
}

function grouped(rows: readonly TotalsRow[], key: (row: TotalsRow) => string | null): Record<string, GroupTotals> {
  const groups = new Map<string, GroupTotals>();
  for (const row of rows) {
    const k = key(row) ?? UNKNOWN_GROUP;
    let group = groups.get(k);
    if (!group) groups.set(k, (group = emptyGroup()));
    add(group, row.result);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, finish(groups.get(k)!)]));
}

/**
 * `undated` counts the treated polygons without a readable date: when there are any, the
 * UNKNOWN_YEAR bucket is listed even if their area all lies under dated polygons.
 */
export function computeTotals(rows: readonly TotalsRow[], outside: Iterable<{ year: string; area: number }>, undated = 0): Totals {
  const all = emptyGroup();
  const byType = Object.fromEntries(ZONE_TYPES.map((t) => [t, 0])) as ByZoneType;
  const years = new Map<string, YearTotals>();
  const year = (y: string): YearTotals => {
    let totals = years.get(y);
    if (!totals) years.set(y, (totals = { treated_m2: 0, treated_outside_parcels_m2: 0 }));
    return totals;
  };
  for (const { result } of rows) {
    add(all, result);
    for (const t of ZONE_TYPES) byType[t] += result.protected_overlap_by_type[t];
    for (const [y, area] of Object.entries(result.treated_by_year)) year(y).treated_m2 += area;
  }
  if (undated > 0) year(UNKNOWN_YEAR);
  let outsideTotal = 0;
  for (const { year: y, area } of outside) {
    if (area <= 0) continue;
    outsideTotal += area;
    year(y).treated_outside_parcels_m2 += area;
  }
  return {
    ...finish(all),
    area_ha: m2ToHa(all.area_m2),
    protected_overlap_by_type: byType,
    treated_outside_parcels_m2: outsideTotal,
    treated_without_date: undated,
    by_mine: grouped(rows, (r) => r.result.mine_id),
    by_township: grouped(rows, (r) => r.township),
    by_category: grouped(rows, (r) => r.category),
    by_year: Object.fromEntries([...years.keys()].sort().map((y) => [y, years.get(y)!])),
  };
}
