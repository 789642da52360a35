// Applies a change of a parcel's acceptance record or of the targets: the whole value is
// replaced, so the inverse is simply the value before. Pure, like apply-treated-edit.ts.
import type { TargetTable } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { ReviewParcel, SetTargets } from './edit.ts';
import { revisionRefusal, type Applied, type Slot } from './slot.ts';

export function applyReviewEdit(slot: Slot<ParcelReview>, edit: ReviewParcel): Applied<ParcelReview> {
  const stale = revisionRefusal(`the acceptance record of parcel ${edit.parcelId}`, slot, edit.baseRevision);
  if (stale) return { ok: false, refusal: stale };
  const revision = slot.revision + 1;
  return {
    ok: true,
    next: { revision, value: edit.review },
    inverse: { kind: 'review-parcel', parcelId: edit.parcelId, baseRevision: revision, review: slot.value },
  };
}

export function applyTargetsEdit(slot: Slot<TargetTable>, edit: SetTargets): Applied<TargetTable> {
  const stale = revisionRefusal('the target table', slot, edit.baseRevision);
  if (stale) return { ok: false, refusal: stale };
  const revision = slot.revision + 1;
  return { ok: true, next: { revision, value: edit.table }, inverse: { kind: 'set-targets', baseRevision: revision, table: slot.value } };
}
