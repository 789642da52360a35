// One edit of a treated polygon, as the app makes it (store/edit.ts), applied by the app's own
// rules: shape and geometry checked first (GEOS, outside the transaction), then in one
// transaction the revision check (apply-treated-edit.ts), the attribute rules against the
// programme's parcels and mines (treated-validation.ts), and the reopening of any accepted or
// closed parcel whose work it changes (reopen-rule.ts): accepted work stays frozen in the
// acceptance record, and the change is a new version to accept.
import type { Pool, PoolClient } from 'pg';
import { applyTreatedEdit } from '../store/apply-treated-edit.ts';
import { singleEdits, type SingleEdit, type TreatedEdit } from '../store/edit.ts';
import { preflightEdit } from '../store/edit-preflight.ts';
import { checkAreaGeometry } from '../store/geometry-check.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../store/photo.ts';
import { describeProblems } from '../store/problem.ts';
import type { ReferenceContext } from '../store/reference-context.ts';
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

export interface BatchOutcome {
  label: string;
  /** Each polygon's revision after the batch, in the batch's order. */
  results: { id: string; revision: number }[];
  reopened: string[];
}

export const TREATED_EDIT_KINDS = ['create-treated', 'update-treated-geometry', 'update-treated-attributes', 'delete-treated'] as const;

/** A batch (a split, a merge, an imported file) of treated-polygon edits, applied all or nothing. */
export type TreatedBatch = { kind: 'batch'; label: string; edits: readonly TreatedEdit[] };

const isTreatedEdit = (edit: SingleEdit): edit is TreatedEdit => (TREATED_EDIT_KINDS as readonly string[]).includes(edit.kind);

async function applyOne(client: PoolClient, programmeId: string, account: Account, edit: TreatedEdit, now: Date, reference: ReferenceContext, reopened: Set<string>): Promise<{ id: string; revision: number }> {
  const id = edit.kind === 'create-treated' ? edit.feature.properties.id : edit.id;
  const slot = await treatedSlot(client, programmeId, id, true);
  const applied = applyTreatedEdit(slot, edit);
  if (!applied.ok) throw new ServerError(applied.refusal.code === 'not_found' ? 404 : 409, applied.refusal.code, applied.refusal.reason);
  const next = applied.next.value;
  if (next) {
    const featureProblems = validateTreatedFeature(next, reference);
    if (featureProblems.length > 0) throw invalid(`treated polygon ${id} was refused: ${describeProblems(featureProblems)}`, featureProblems);
  }
  const revision = await writeTreated(client, programmeId, id, slot.revision > 0, next);
  const change = workChange(slot.value, next);
  if (change) {
    for (const parcelId of parcelsOfChange(slot.value, next)) {
      // A parcel reopened by an earlier edit of the same batch is not reopened twice.
      if (reopened.has(parcelId) || !reference.parcelMine.has(parcelId)) continue;
      const review = await reviewSlot(client, programmeId, parcelId, true);
      if (!isFrozen(review.value, reference.parcelStatus?.get(parcelId))) continue;
      await writeReview(client, programmeId, reopenedReview(review.value, parcelId, id, change, account.displayName, now));
      reopened.add(parcelId);
    }
  }
  return { id, revision };
}

export async function applyTreatedEditOnServer(pool: Pool, programmeId: string, account: Account, edit: TreatedEdit, now: Date): Promise<TreatedEditOutcome>;
/**
 * `then`: more of the same change, in the same transaction after the polygons (a pushed undo also
 * removing the `reopen` step its edit had caused), told which parcels the polygons reopened.
 */
export async function applyTreatedEditOnServer(pool: Pool, programmeId: string, account: Account, edit: TreatedBatch, now: Date, then?: (client: PoolClient, reopened: ReadonlySet<string>) => Promise<void>): Promise<BatchOutcome>;
export async function applyTreatedEditOnServer(pool: Pool, programmeId: string, account: Account, edit: TreatedEdit | TreatedBatch, now: Date, then?: (client: PoolClient, reopened: ReadonlySet<string>) => Promise<void>): Promise<TreatedEditOutcome | BatchOutcome> {
  const problems = await preflightEdit(edit, account.displayName, { checkGeometry: checkAreaGeometry, maxPhotoBytes: DEFAULT_MAX_PHOTO_BYTES, now });
  if (problems.length > 0) throw invalid(`the edit was refused: ${describeProblems(problems)}`, problems);
  const edits = singleEdits(edit);
  const other = edits.find((e) => !isTreatedEdit(e));
  if (other) throw invalid(`a batch of treated-polygon edits cannot hold a ${other.kind} edit`);
  return inTransaction(pool, account.login, async (client) => {
    const reference = await loadReferenceContext(client, programmeId, now);
    const reopened = new Set<string>();
    const results = [];
    for (const single of edits as readonly TreatedEdit[]) results.push(await applyOne(client, programmeId, account, single, now, reference, reopened));
    await then?.(client, reopened);
    return edit.kind === 'batch' ? { label: edit.label, results, reopened: [...reopened] } : { ...results[0]!, reopened: [...reopened] };
  });
}
