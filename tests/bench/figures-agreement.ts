// How far two analyses' figures are apart, parcel by parcel, in the terms of the accuracy tests:
// each difference relative to the parcel's area, zones compared as sets.
import type { AnalysisResults } from '../../src/domain/analysis-types.ts';
import { ZONE_TYPES } from '../../src/domain/model.ts';
import type { PostgisRun } from './postgis-analysis.ts';

export interface Agreement {
  /** Largest |Δ| / parcel area over area, overlap (each type and all) and treated area. */
  worst: number;
  what: string;
  zoneMismatches: number;
  missing: number;
  outsideDifference: number;
}

export function agreement(engine: AnalysisResults, postgis: PostgisRun): Agreement {
  const byId = new Map(postgis.parcels.map((p) => [p.id, p]));
  const result: Agreement = { worst: 0, what: '', zoneMismatches: 0, missing: 0, outsideDifference: Math.abs(engine.totals.treated_outside_parcels_m2 - postgis.outside) };
  const compare = (id: string, figure: string, a: number, b: number, area: number): void => {
    const d = Math.abs(a - b) / area;
    if (d > result.worst) Object.assign(result, { worst: d, what: `${figure} of ${id}` });
  };
  for (const p of engine.parcels) {
    const q = byId.get(p.id);
    if (!q) {
      result.missing++;
      continue;
    }
    compare(p.id, 'area', p.area_m2, q.area, q.area);
    compare(p.id, 'overlap', p.protected_overlap_m2, q.overlap, q.area);
    for (const t of ZONE_TYPES) compare(p.id, `${t} overlap`, p.protected_overlap_by_type[t], q.by_type[t] ?? 0, q.area);
    compare(p.id, 'treated', p.treated_m2, q.treated, q.area);
    if ([...p.zones].sort().join() !== [...q.zones].sort().join()) result.zoneMismatches++;
  }
  return result;
}
