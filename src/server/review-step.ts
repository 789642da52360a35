// One acceptance step on a parcel (domain/review.ts), with the app's rules: who may take it
// (ROLE_ACTIONS), from which status (REVIEW_FLOW), on which revision of the record, accepting
// freezes the parcel's treated polygons as they are now, and the record only grows
// (review-validation.ts).
import type { Pool, PoolClient } from 'pg';
import { currentStatus } from '../domain/parcel-status.ts';
import { REVIEW_FLOW, type ParcelReview, type ReviewAction, type ReviewRole } from '../domain/review.ts';
import { describeProblems } from '../store/problem.ts';
import type { ReviewerAction } from '../store/review-edits.ts';
import { reviewProblems } from '../store/review-validation.ts';
import { revisionRefusal } from '../store/slot.ts';
import type { Account } from './accounts.ts';
import { inTransaction } from './database.ts';
import { requirePermission, reviewRoleFor, type ProgrammeRole } from './programme-roles.ts';
import { recordedParcelStatus, removeReview, reviewSlot, writeReview } from './review-rows.ts';
import { invalid, ServerError } from './server-error.ts';
import { liveTreatedOfParcel } from './treated-rows.ts';

export interface ReviewStepRequest {
  action: ReviewerAction;
  note: string;
  role: ReviewRole;
}

async function stepOne(client: PoolClient, programmeId: string, parcelId: string, baseRevision: number, account: Account, step: ReviewStepRequest, now: Date): Promise<{ revision: number; review: ParcelReview }> {
  const recorded = await recordedParcelStatus(client, programmeId, parcelId);
  if (recorded === null) throw new ServerError(404, 'not_found', `parcel ${parcelId} is not in programme ${programmeId}`);
  const slot = await reviewSlot(client, programmeId, parcelId, true);
  const stale = revisionRefusal(`the acceptance record of parcel ${parcelId}`, slot, baseRevision);
  if (stale) throw new ServerError(409, stale.code, stale.reason);
  const treated = await liveTreatedOfParcel(client, programmeId, parcelId);
  const status = currentStatus(recorded, slot.value ?? undefined, treated.length);
  const flow = REVIEW_FLOW[step.action];
  if (!flow.from.includes(status)) {
    throw new ServerError(409, 'invalid_step', `parcel ${parcelId} is ${status}; ${step.action} applies only to a parcel that is ${flow.from.join(' or ')}`);
  }
  const event = {
    action: step.action, status: flow.to, at: now.toISOString(), who: account.displayName, role: step.role, note: step.note,
    ...(step.action === 'accept' ? { accepted: treated } : {}),
  };
  const review: ParcelReview = { parcel_id: parcelId, status: flow.to, events: [...(slot.value?.events ?? []), event] };
  const problems = reviewProblems(parcelId, review, new Set([parcelId]), slot.value);
  if (problems.length > 0) throw invalid(`the step on parcel ${parcelId} was refused: ${describeProblems(problems)}`, problems);
  const revision = await writeReview(client, programmeId, review);
  return { revision, review };
}

export async function takeReviewStep(pool: Pool, programmeId: string, parcelId: string, account: Account, step: ReviewStepRequest & { baseRevision: number }, now: Date): Promise<{ revision: number; review: ParcelReview }> {
  return inTransaction(pool, account.login, (client) => stepOne(client, programmeId, parcelId, step.baseRevision, account, step, now));
}

/**
 * The same step on several parcels as one decision, all or nothing: a mine accepted as a whole
 * (一矿一档), each parcel on the revision of its record the reviewer saw.
 */
export async function takeReviewSteps(pool: Pool, programmeId: string, parcels: readonly { parcelId: string; baseRevision: number }[], account: Account, step: ReviewStepRequest, now: Date): Promise<{ parcelId: string; revision: number; status: ParcelReview['status'] }[]> {
  const ids = parcels.map((p) => p.parcelId);
  if (new Set(ids).size !== ids.length) throw invalid('a parcel is named twice in one decision');
  return inTransaction(pool, account.login, async (client) => {
    const results = [];
    for (const { parcelId, baseRevision } of parcels) {
      const { revision, review } = await stepOne(client, programmeId, parcelId, baseRevision, account, step, now);
      results.push({ parcelId, revision, status: review.status });
    }
    return results;
  });
}

/**
 * The undo of a parcel's last acceptance step, as a device pushes it: the record the device saw
 * (at `baseRevision`) without its last event, or no record when that was the first; the server's
 * own earlier steps are kept. Undone by the
 * role that may take that step (a surveyor may not undo an acceptance); a `reopen`, the store's own
 * step, by whoever may edit treated polygons. Undoing an `accept` returns the parcel to `treated`,
 * so its work is no longer frozen.
 */
export async function undoReviewStep(pool: Pool, programmeId: string, parcelId: string, account: Account, roles: readonly ProgrammeRole[], edit: { baseRevision: number; review: ParcelReview | null }): Promise<{ revision: number }> {
  return inTransaction(pool, account.login, async (client) => ({ revision: (await undoStepOn(client, programmeId, parcelId, roles, edit)).revision }));
}

/**
 * The undo of one decision taken on several parcels at once (a mine accepted as a whole), all or
 * nothing: each part an allowed undo of its parcel's last step, and that step the same decision
 * on every parcel (a `reopen` is no decision: the store's own, undone with its polygons).
 */
export async function undoReviewSteps(pool: Pool, programmeId: string, account: Account, roles: readonly ProgrammeRole[], edits: readonly { parcelId: string; baseRevision: number; review: ParcelReview | null }[]): Promise<{ parcelId: string; revision: number }[]> {
  const ids = edits.map((e) => e.parcelId);
  if (new Set(ids).size !== ids.length) throw invalid('a parcel is named twice in one decision');
  return inTransaction(pool, account.login, async (client) => {
    const results = [];
    const undone = new Set<ReviewAction>();
    for (const edit of edits) {
      const { revision, action } = await undoStepOn(client, programmeId, edit.parcelId, roles, edit);
      undone.add(action);
      results.push({ parcelId: edit.parcelId, revision });
    }
    if (undone.size !== 1 || undone.has('reopen')) {
      throw new ServerError(409, 'invalid_step', `undoing one decision on several parcels needs the same last step on each, not ${[...undone].join(', ')}`);
    }
    return results;
  });
}

/** The same inside the caller's transaction; `only`: the one action the undone step may be. */
export async function undoStepOn(client: PoolClient, programmeId: string, parcelId: string, roles: readonly ProgrammeRole[], edit: { baseRevision: number; review: ParcelReview | null }, only?: ReviewAction): Promise<{ revision: number; action: ReviewAction }> {
  const slot = await reviewSlot(client, programmeId, parcelId, true);
  const stale = revisionRefusal(`the acceptance record of parcel ${parcelId}`, slot, edit.baseRevision);
  if (stale) throw new ServerError(409, stale.code, stale.reason);
  const last = slot.value?.events.at(-1);
  if (!slot.value || !last) throw new ServerError(409, 'invalid_step', `parcel ${parcelId} has no acceptance step to undo`);
  if (only && last.action !== only) throw new ServerError(409, 'invalid_step', `parcel ${parcelId}'s last step is ${last.action}, not the ${only} this edit undoes`);
  const before = slot.value.events.slice(0, -1);
  const expected = before.length === 0 ? null : { parcel_id: parcelId, status: before.at(-1)!.status, events: before };
  // Steps the server recorded carry its own time and names, so the device's copy is compared step by step.
  const pushed = edit.review?.events ?? [];
  if (pushed.length !== before.length || pushed.some((e, i) => e.action !== before[i]!.action || e.status !== before[i]!.status)) {
    throw new ServerError(409, 'invalid_step', `the pushed acceptance record of parcel ${parcelId} is neither the next step nor the record without its last step (${last.action})`);
  }
  if (last.action === 'reopen') requirePermission(roles, 'editTreated');
  else reviewRoleFor(roles, last.action);
  const revision = expected ? await writeReview(client, programmeId, expected) : await removeReview(client, programmeId, parcelId);
  return { revision, action: last.action };
}
