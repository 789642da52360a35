// Reopens accepted parcels whose treated work an edit changes, inside that edit's transaction:
// the acceptance record gains a `reopen` step (who, when, which polygon, what changed) and the
// parcel needs acceptance again. Being part of the same write, it is journaled with the edit and
// undone with it. Only new edits do this; undo and redo restore records that already say so.
import type { TreatedFeature } from '../domain/model.ts';
import { applyReviewEdit } from '../store/apply-review-edit.ts';
import type { SingleEdit } from '../store/edit.ts';
import type { ReferenceContext } from '../store/reference-context.ts';
import { reviewSlot, type ReviewRecord } from '../store/review-records.ts';
import { isFrozen, parcelsOfChange, reopenedReview, workChange } from '../store/reopen-rule.ts';
import type { EditTransaction } from './schema.ts';

export interface TreatedChange {
  id: string;
  before: TreatedFeature | null;
  after: TreatedFeature | null;
}

/**
 * `reviews` holds the records this edit already writes (they are not reopened a second time) and
 * receives the reopened ones; returns the edits that undo the reopening.
 */
export async function reopenAccepted(
  transaction: EditTransaction,
  changes: readonly TreatedChange[],
  reviews: Map<string, ReviewRecord>,
  context: { reference: ReferenceContext; who: string; at: Date },
): Promise<SingleEdit[]> {
  const inverses: SingleEdit[] = [];
  for (const change of changes) {
    const kind = workChange(change.before, change.after);
    if (!kind) continue;
    for (const parcelId of parcelsOfChange(change.before, change.after)) {
      if (reviews.has(parcelId) || !context.reference.parcelMine.has(parcelId)) continue;
      const current = await transaction.objectStore('reviews').get(parcelId);
      const review = current?.review ?? null;
      if (!isFrozen(review, context.reference.parcelStatus?.get(parcelId))) continue;
      const slot = reviewSlot(current);
      const outcome = applyReviewEdit(slot, {
        kind: 'review-parcel', parcelId, baseRevision: slot.revision, review: reopenedReview(review, parcelId, change.id, kind, context.who, context.at),
      });
      // The base revision was just read in this transaction, so the edit cannot be stale.
      if (!outcome.ok) throw new Error(outcome.refusal.reason);
      reviews.set(parcelId, { id: parcelId, revision: outcome.next.revision, review: outcome.next.value });
      inverses.push(outcome.inverse);
    }
  }
  return inverses;
}
