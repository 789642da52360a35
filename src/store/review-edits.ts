// Builds acceptance and target edits from what the reviewer is looking at: the base revision
// comes from that snapshot, so if another tab decided on the same parcel meanwhile, the edit is
// refused rather than stacking a second decision on a view that no longer holds.
import { currentStatus } from '../domain/parcel-status.ts';
import { REVIEW_FLOW, type ParcelReview, type ReviewAction, type ReviewRole } from '../domain/review.ts';
import type { TargetTable } from '../domain/model.ts';
import type { BatchEdit, ReviewParcel, SetTargets } from './edit.ts';
import { reviewRevision, targetsRevision, type FieldSnapshot } from './field-snapshot.ts';

export type ReviewerAction = Exclude<ReviewAction, 'reopen'>;

/** The parcel's status as the reviewer sees it now. */
export function parcelStatusNow(snapshot: FieldSnapshot, parcelId: string): ReturnType<typeof currentStatus> | null {
  const parcel = snapshot.programme.parcels.features.find((p) => p.properties.id === parcelId);
  if (!parcel) return null;
  const count = snapshot.programme.treated.features.filter((t) => t.properties.parcel_id === parcelId).length;
  return currentStatus(parcel.properties.status, snapshot.reviews.get(parcelId)?.review ?? undefined, count);
}

/** One step of the flow; accepting freezes the parcel's treated polygons as they are now. */
export function reviewStep(snapshot: FieldSnapshot, parcelId: string, action: ReviewerAction, who: string, note: string, at: Date, role: ReviewRole = 'reviewer'): ReviewParcel {
  const before: ParcelReview | null = snapshot.reviews.get(parcelId)?.review ?? null;
  const status = REVIEW_FLOW[action].to;
  const accepted = action === 'accept' ? snapshot.programme.treated.features.filter((t) => t.properties.parcel_id === parcelId) : undefined;
  const event = { action, status, at: at.toISOString(), who, role, note, ...(accepted ? { accepted } : {}) };
  return {
    kind: 'review-parcel',
    parcelId,
    baseRevision: reviewRevision(snapshot, parcelId),
    review: { parcel_id: parcelId, status, events: [...(before?.events ?? []), event] },
  };
}

/**
 * The surveyor's hand-over (治理完成，提交验收): the parcel's work is offered for acceptance under
 * their name; null when the parcel is not in progress or sent back, so there is nothing to hand over.
 */
export function surveyorSubmit(snapshot: FieldSnapshot, parcelId: string, who: string, note: string, at: Date): ReviewParcel | null {
  const status = parcelStatusNow(snapshot, parcelId);
  if (!status || !REVIEW_FLOW.submit.from.includes(status)) return null;
  return reviewStep(snapshot, parcelId, 'submit', who, note, at, 'surveyor');
}

/** The same step for every parcel of a mine it applies to (一矿一档: the mine is accepted as one), as one undoable edit. */
export function mineReviewStep(snapshot: FieldSnapshot, mineId: string, action: ReviewerAction, who: string, note: string, at: Date): BatchEdit | null {
  const edits = snapshot.programme.parcels.features
    .filter((p) => p.properties.mine_id === mineId)
    .filter((p) => REVIEW_FLOW[action].from.includes(parcelStatusNow(snapshot, p.properties.id)!))
    .map((p) => reviewStep(snapshot, p.properties.id, action, who, note, at));
  return edits.length > 0 ? { kind: 'batch', label: `${action} ${mineId}`, edits } : null;
}

export function setTargets(snapshot: FieldSnapshot, table: TargetTable | null): SetTargets {
  return { kind: 'set-targets', baseRevision: targetsRevision(snapshot), table };
}
