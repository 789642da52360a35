// One acceptance step on a parcel (domain/review.ts), with the app's rules: who may take it
// (ROLE_ACTIONS), from which status (REVIEW_FLOW), on which revision of the record, accepting
// freezes the parcel's treated polygons as they are now, and the record only grows
// (review-validation.ts).
import type { Pool, PoolClient } from 'pg';
import { currentStatus } from '../domain/parcel-status.ts';
import { REVIEW_FLOW, type ParcelReview, type ReviewRole } from '../domain/review.ts';
import { describeProblems } from '../store/problem.ts';
import type { ReviewerAction } from '../store/review-edits.ts';
import { reviewProblems } from '../store/review-validation.ts';
import { revisionRefusal } from '../store/slot.ts';
import type { Account } from './accounts.ts';
import { inTransaction } from './database.ts';
import { recordedParcelStatus, reviewSlot, writeReview } from './review-rows.ts';
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
