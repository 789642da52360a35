// The figures of one mine's file (一矿一档): each parcel's area, treated area, treatment rate,
// protection-buffer overlap and status, and the mine's totals. Areas come from the analysis
// engine (ellipsoidal, overlaps counted once).
import type { ParcelResult } from './analysis-types.ts';
import type { ParcelFeature, ParcelStatus, Programme, TreatedFeature } from './model.ts';
import { mineStatus } from './mine-status.ts';

export interface MineParcelFigures {
  parcel: ParcelFeature;
  status: ParcelStatus;
  /** Undefined while the analysis runs or when the parcel's geometry was refused. */
  result: ParcelResult | undefined;
}

export interface MineFigures {
  parcels: MineParcelFigures[];
  /** Treated polygons tied to the mine (by mine or by parcel), oldest first. */
  treated: TreatedFeature[];
  status: ParcelStatus;
  area_m2: number;
  treated_m2: number;
  treatment_rate: number;
  protected_overlap_m2: number;
  accepted_parcels: number;
}

export function mineFigures(
  programme: Pick<Programme, 'parcels' | 'treated'>,
  mineId: string,
  results: readonly ParcelResult[],
  statuses: ReadonlyMap<string, ParcelStatus>,
): MineFigures {
  const byId = new Map(results.map((r) => [r.id, r]));
  const parcels = programme.parcels.features
    .filter((p) => p.properties.mine_id === mineId)
    .map((parcel) => ({ parcel, status: statuses.get(parcel.properties.id) ?? parcel.properties.status, result: byId.get(parcel.properties.id) }));
  const parcelIds = new Set(parcels.map((p) => p.parcel.properties.id));
  const treated = programme.treated.features
    .filter((t) => t.properties.mine_id === mineId || (t.properties.parcel_id !== null && parcelIds.has(t.properties.parcel_id)))
    .sort((a, b) => (a.properties.date < b.properties.date ? -1 : a.properties.date > b.properties.date ? 1 : a.properties.id < b.properties.id ? -1 : 1));
  const sum = (pick: (r: ParcelResult) => number): number => parcels.reduce((s, p) => s + (p.result ? pick(p.result) : 0), 0);
  const area = sum((r) => r.area_m2);
  const treatedM2 = sum((r) => r.treated_m2);
  return {
    parcels,
    treated,
    status: mineStatus(parcels.map((p) => p.status)),
    area_m2: area,
    treated_m2: treatedM2,
    treatment_rate: area > 0 ? treatedM2 / area : 0,
    protected_overlap_m2: sum((r) => r.protected_overlap_m2),
    accepted_parcels: parcels.filter((p) => p.status === 'accepted' || p.status === 'closed').length,
  };
}
