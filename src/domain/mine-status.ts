// A mine's status from its parcels' (一矿一档): a mine is accepted when every parcel is, closed
// (销号) when every parcel is, sent back when any parcel is, and so on down the flow.
import type { ParcelStatus } from './model.ts';

export function mineStatus(parcels: readonly ParcelStatus[]): ParcelStatus {
  if (parcels.length === 0 || parcels.every((s) => s === 'untreated')) return 'untreated';
  if (parcels.every((s) => s === 'closed')) return 'closed';
  if (parcels.every((s) => s === 'accepted' || s === 'closed')) return 'accepted';
  if (parcels.some((s) => s === 'rejected')) return 'rejected';
  if (parcels.every((s) => s === 'treated' || s === 'accepted' || s === 'closed')) return 'treated';
  return 'in_progress';
}
