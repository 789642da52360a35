// When a change to a treated polygon reopens an accepted parcel. Accepted work is frozen: a new,
// reshaped or deleted polygon of the parcel, or one moved to or from it, or given another date,
// measure or direction, is a new version the reviewer must accept again. A corrected note or
// surveyor name is not: it changes no work on the ground.
import type { ParcelStatus, TreatedFeature, TreatedProperties } from '../domain/model.ts';
import { FROZEN_STATUSES, type ParcelReview, type ReopenChange } from '../domain/review.ts';

const WORK_FIELDS = ['parcel_id', 'mine_id', 'date', 'measure', 'direction'] as const satisfies readonly (keyof TreatedProperties)[];

/** What about the work changed, or null if nothing a reviewer accepted did. */
export function workChange(before: TreatedFeature | null, after: TreatedFeature | null): ReopenChange | null {
  if (!before && !after) return null;
  if (!before) return 'created';
  if (!after) return 'deleted';
  if (JSON.stringify(before.geometry) !== JSON.stringify(after.geometry)) return 'reshaped';
  return WORK_FIELDS.some((k) => before.properties[k] !== after.properties[k]) ? 'attributes' : null;
}

/** The parcels a change concerns: the one the polygon belonged to and the one it belongs to now. */
export function parcelsOfChange(before: TreatedFeature | null, after: TreatedFeature | null): string[] {
  const ids = [before?.properties.parcel_id, after?.properties.parcel_id].filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}

export function isFrozen(review: ParcelReview | null, recorded: ParcelStatus | undefined): boolean {
  const status = review?.status ?? recorded;
  return status !== undefined && FROZEN_STATUSES.includes(status);
}

/** The parcel's record with a `reopen` step appended. */
export function reopenedReview(review: ParcelReview | null, parcelId: string, treatedId: string, change: ReopenChange, who: string, at: Date): ParcelReview {
  const events = [...(review?.events ?? []), { action: 'reopen' as const, status: 'treated' as const, at: at.toISOString(), who, note: '', treated_id: treatedId, change }];
  return { parcel_id: parcelId, status: 'treated', events };
}
