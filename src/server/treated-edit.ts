// One edit of a treated polygon, as the app makes it (store/edit.ts), applied by the app's own
// rules: shape and geometry checked first (GEOS, outside the transaction), then in one
// transaction the revision check (apply-treated-edit.ts), the attribute rules against the
// programme's parcels and mines (treated-validation.ts), and the reopening of any accepted or
// closed parcel whose work it changes (reopen-rule.ts): accepted work stays frozen in the
// acceptance record, and the change is a new version to accept.
import type { Pool } from 'pg';
import { applyTreatedEdit } from '../store/apply-treated-edit.ts';
import type { TreatedEdit } from '../store/edit.ts';
import { preflightEdit } from '../store/edit-preflight.ts';
import { checkAreaGeometry } from '../store/geometry-check.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../store/photo.ts';
import { describeProblems } from '../store/problem.ts';
import { isFrozen, parcelsOfChange, reopenedReview, workChange } from '../store/reopen-rule.ts';
import { validateTreatedFeature } from '../store/treated-validation.ts';
import type { Account } from './accounts.ts';
import { inTransaction } from './database.ts';
import { loadReferenceContext } from './programme-reference.ts';
import { reviewSlot, writeReview } from './review-rows.ts';
import { invalid, ServerError } from './server-error.ts';
import { treatedSlot, writeTreated } from './treated-rows.ts';

export interface TreatedEditOutcome {
  id: string;
  /** The polygon's revision after the edit. */
  revision: number;
  /** Parcels whose acceptance this edit reopened. */
  reopened: string[];
}

export const TREATED_EDIT_KINDS = ['create-treated', 'update-treated-geometry', 'update-treated-attributes', 'delete-treated'] as const;

export async function applyTreatedEditOnServer(pool: Pool, programmeId: string, account: Account, edit: TreatedEdit, now: Date): Promise<TreatedEditOutcome> {
  const problems = await preflightEdit(edit, account.displayName, { checkGeometry: checkAreaGeometry, maxPhotoBytes: DEFAULT_MAX_PHOTO_BYTES, now });
  if (problems.length > 0) throw invalid(`the edit was refused: ${describeProblems(problems)}`, problems);
  const id = edit.kind === 'create-treated' ? edit.feature.properties.id : edit.id;
  return inTransaction(pool, account.login, async (client) => {
    const slot = await treatedSlot(client, programmeId, id, true);
    const applied = applyTreatedEdit(slot, edit);
    if (!applied.ok) throw new ServerError(applied.refusal.code === 'not_found' ? 404 : 409, applied.refusal.code, applied.refusal.reason);
    const next = applied.next.value;
    const reference = await loadReferenceContext(client, programmeId, now);
    if (next) {
      const featureProblems = validateTreatedFeature(next, reference);
      if (featureProblems.length > 0) throw invalid(`treated polygon ${id} was refused: ${describeProblems(featureProblems)}`, featureProblems);
    }
    const revision = await writeTreated(client, programmeId, id, slot.revision > 0, next);
    const reopened: string[] = [];
    const change = workChange(slot.value, next);
    if (change) {
      for (const parcelId of parcelsOfChange(slot.value, next)) {
        if (!reference.parcelMine.has(parcelId)) continue;
        const review = await reviewSlot(client, programmeId, parcelId, true);
        if (!isFrozen(review.value, reference.parcelStatus?.get(parcelId))) continue;
        await writeReview(client, programmeId, reopenedReview(review.value, parcelId, id, change, account.displayName, now));
        reopened.push(parcelId);
      }
    }
    return { id, revision, reopened };
  });
}
