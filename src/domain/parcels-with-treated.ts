// The parcels' figures with their treated area from another measurement (the programme as of a
// date, Analysis.treatedWith): area, mine and overlaps stay as they are. A parcel the measurement
// does not list had nothing treated in it.
import type { ParcelResult, ParcelTreated } from './analysis-types.ts';

const NOTHING: Omit<ParcelTreated, 'id'> = { treated_m2: 0, treated_by_year: {} };

export function parcelsWithTreated(parcels: readonly ParcelResult[], treated: readonly ParcelTreated[]): ParcelResult[] {
  const byId = new Map(treated.map((t) => [t.id, t]));
  return parcels.map((p) => {
    const { treated_m2, treated_by_year } = byId.get(p.id) ?? NOTHING;
    return { ...p, treated_m2, treated_by_year, treatment_rate: p.area_m2 > 0 ? treated_m2 / p.area_m2 : 0 };
  });
}
