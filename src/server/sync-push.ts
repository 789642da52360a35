// A device's pushed edits, applied in order, each in its own transaction by the server's existing
// write paths and under the same role rules as the direct routes (programme-roles.ts). Each edit
// is remembered by its client edit id in that same transaction (database.ts asPushedEdit), so a
// repeated push is answered "already applied". An edit based on an old revision is a conflict,
// answered with the server's current versions; one against a rule is refused. The first edit not
// applied stops the push: later edits may depend on it.
import type { Pool, PoolClient } from 'pg';
import type { ReviewAction } from '../domain/review.ts';
import { editTarget, singleEdits, type Edit, type EditLayer, type ReviewParcel, type SingleEdit, type TreatedEdit } from '../store/edit.ts';
import { editShapeProblems } from '../store/edit-shape.ts';
import { describeProblems } from '../store/problem.ts';
import type { PushOutcome, PushedEdit, ServerVersion } from '../store/sync-protocol.ts';
import type { Account } from './accounts.ts';
import { appliedSeq, asPushedEdit, type PushedEditContext } from './database.ts';
import { applyPhotoEditOnServer } from './photo-edit.ts';
import { programmeRoles, requirePermission, reviewRoleFor, type ProgrammeRole } from './programme-roles.ts';
import { setBufferDistances, setTargets } from './programme-settings.ts';
import { applyReferenceEditsOnServer, type ReferenceEdit } from './reference-edit.ts';
import { reviewSlot } from './review-rows.ts';
import { takeReviewStep, takeReviewSteps, undoReviewStep, undoReviewSteps, undoStepOn } from './review-step.ts';
import { ServerError } from './server-error.ts';
import { serverVersion, syncTarget } from './sync-values.ts';
import { applyTreatedEditOnServer, TREATED_EDIT_KINDS } from './treated-edit.ts';

const REFERENCE_LAYERS = new Set(['parcels', 'zones', 'mines', 'townships']);

/** Refusals of the store's rules that mean "the server's version is not the one you edited". */
const CONFLICT_CODES = new Set(['stale_revision', 'already_exists', 'not_found']);

const isTreated = (edit: SingleEdit): edit is TreatedEdit => (TREATED_EDIT_KINDS as readonly string[]).includes(edit.kind);
const isReference = (edit: SingleEdit): edit is ReferenceEdit => edit.kind === 'import-features' || edit.kind === 'remove-features';

/** The acceptance step a pushed record adds: its last event, on the record the device saw. */
function reviewStepOf(edit: ReviewParcel): { action: ReviewAction; note: string } {
  const last = edit.review!.events.at(-1)!;
  return { action: last.action, note: last.note ?? '' };
}

/** A pushed record with fewer steps than the server's (or none) undoes the last step; otherwise its last event is a step to add. */
async function isReviewUndo(pool: Pool, programmeId: string, edit: ReviewParcel): Promise<boolean> {
  if (!edit.review || edit.review.events.length === 0) return true;
  const current = await reviewSlot(pool, programmeId, edit.parcelId, false);
  return edit.review.events.length < (current.value?.events.length ?? 0);
}

async function applyReviewEdits(pool: Pool, programmeId: string, account: Account, roles: readonly ProgrammeRole[], singles: readonly ReviewParcel[], now: Date): Promise<void> {
  const undos = await Promise.all(singles.map((e) => isReviewUndo(pool, programmeId, e)));
  if (undos.every(Boolean)) {
    if (singles.length === 1) await undoReviewStep(pool, programmeId, singles[0]!.parcelId, account, roles, singles[0]!);
    else await undoReviewSteps(pool, programmeId, account, roles, singles);
    return;
  }
  if (undos.some(Boolean)) throw new ServerError(400, 'not_synced', 'a batch both undoing and taking acceptance steps is not pushed by sync');
  const steps = singles.map(reviewStepOf);
  const { action, note } = steps[0]!;
  if (action === 'reopen' || steps.some((s) => s.action !== action)) throw new ServerError(400, 'not_synced', 'a pushed review edit must add one acceptance step (submit, accept, send back or close), the same for every parcel');
  const role = reviewRoleFor(roles, action);
  if (singles.length === 1) await takeReviewStep(pool, programmeId, singles[0]!.parcelId, account, { action, note, role, baseRevision: singles[0]!.baseRevision }, now);
  else await takeReviewSteps(pool, programmeId, singles.map((e) => ({ parcelId: e.parcelId, baseRevision: e.baseRevision })), account, { action, note, role }, now);
}

/**
 * The acceptance part of a treated edit's undo or redo: when the edit had reopened accepted work,
 * its undo also removes that `reopen` step (applied after the polygons are back, so they do not
 * reopen the parcel again), and its redo adds it, which the server's own rule has just done.
 */
async function settleReopen(client: PoolClient, programmeId: string, roles: readonly ProgrammeRole[], edit: ReviewParcel, reopened: ReadonlySet<string>): Promise<void> {
  const current = await reviewSlot(client, programmeId, edit.parcelId, true);
  if ((edit.review?.events.length ?? 0) < (current.value?.events.length ?? 0)) {
    await undoStepOn(client, programmeId, edit.parcelId, roles, edit, 'reopen');
    return;
  }
  if (edit.review?.events.at(-1)?.action !== 'reopen' || !reopened.has(edit.parcelId)) {
    throw new ServerError(400, 'not_synced', `a batch of treated-polygon edits may change parcel ${edit.parcelId}'s acceptance record only by the reopening its polygons cause or undo`);
  }
}

async function applyEdit(pool: Pool, programmeId: string, account: Account, roles: readonly ProgrammeRole[], pushed: PushedEdit, now: Date): Promise<void> {
  const edit: Edit = pushed.edit;
  const singles = singleEdits(edit);
  if (singles.length === 0) throw new ServerError(400, 'invalid_request', 'an empty batch changes nothing');
  if (singles.every(isTreated)) {
    requirePermission(roles, 'editTreated');
    await (edit.kind === 'batch'
      ? applyTreatedEditOnServer(pool, programmeId, account, { kind: 'batch', label: edit.label, edits: singles }, now)
      : applyTreatedEditOnServer(pool, programmeId, account, edit as TreatedEdit, now));
    return;
  }
  if (edit.kind === 'batch' && singles.some(isTreated) && singles.every((e) => isTreated(e) || e.kind === 'review-parcel')) {
    requirePermission(roles, 'editTreated');
    const reviews = singles.filter((e): e is ReviewParcel => e.kind === 'review-parcel');
    await applyTreatedEditOnServer(pool, programmeId, account, { kind: 'batch', label: edit.label, edits: singles.filter(isTreated) }, now, async (client, reopened) => {
      for (const review of reviews) await settleReopen(client, programmeId, roles, review, reopened);
    });
    return;
  }
  if (singles.every((e): e is ReviewParcel => e.kind === 'review-parcel')) {
    await applyReviewEdits(pool, programmeId, account, roles, singles, now);
    return;
  }
  if (singles.every(isReference)) {
    requirePermission(roles, 'editReference');
    await applyReferenceEditsOnServer(pool, programmeId, account, singles);
    return;
  }
  if (edit.kind === 'batch') throw new ServerError(400, 'not_synced', `a batch mixing ${[...new Set(singles.map((e) => e.kind))].join(', ')} is not pushed by sync`);
  switch (edit.kind) {
    case 'add-photo':
    case 'remove-photo':
      requirePermission(roles, 'editTreated');
      await applyPhotoEditOnServer(pool, programmeId, account, edit, pushed.sha256, now);
      return;
    case 'set-targets':
      requirePermission(roles, 'setTargets');
      await setTargets(pool, programmeId, account, edit.baseRevision, edit.table);
      return;
    case 'set-buffer-distances':
      requirePermission(roles, 'setBuffers');
      await setBufferDistances(pool, programmeId, account, edit.baseRevision, edit.distances);
      return;
    default:
      throw new ServerError(400, 'not_synced', `a ${edit.kind} edit is not pushed by sync`);
  }
}

async function alreadyApplied(pool: Pool, programmeId: string, clientEditId: string): Promise<number | null> {
  const { rows } = await pool.query<{ seq: string }>('select seq from sync_applied_edits where programme_id = $1 and client_edit_id = $2', [programmeId, clientEditId]);
  return rows[0] ? Number(rows[0].seq) : null;
}

/** The server's version of each thing the edit writes, once each; reference records carry none. */
async function currentVersions(pool: Pool, programmeId: string, edit: Edit): Promise<ServerVersion[]> {
  const current: ServerVersion[] = [];
  for (const single of singleEdits(edit)) {
    const target = editTarget(single);
    if (target.layer === 'reference' || current.some((v) => v.layer === target.layer && v.id === target.id)) continue;
    current.push(await serverVersion(pool, programmeId, target.layer, target.id));
  }
  return current;
}

async function conflictOutcome(pool: Pool, programmeId: string, clientEditId: string, edit: Edit): Promise<PushOutcome> {
  const current = [];
  for (const single of singleEdits(edit)) {
    const target = editTarget(single);
    current.push(await serverVersion(pool, programmeId, target.layer, target.id));
  }
  return { clientEditId, status: 'conflict', current };
}

/** The revisions the applied edit wrote (its targets, and any parcel acceptance it reopened), from the change log. */
async function appliedRevisions(pool: Pool, programmeId: string, clientEditId: string): Promise<{ layer: EditLayer; id: string; revision: number }[]> {
  const { rows } = await pool.query<{ layer: string; feature_id: string; revision: number }>(
    `select layer, feature_id, max(revision) as revision from change_log where programme_id = $1 and client_edit_id = $2
     group by layer, feature_id order by min(seq)`, [programmeId, clientEditId]);
  return rows.flatMap((r) => {
    const target = syncTarget(programmeId, r.layer, r.feature_id);
    return target && !REFERENCE_LAYERS.has(target.layer) ? [{ layer: target.layer as EditLayer, id: target.id, revision: r.revision }] : [];
  });
}

export async function pushOne(pool: Pool, programmeId: string, account: Account, roles: readonly ProgrammeRole[], deviceId: string, pushed: PushedEdit, now: Date): Promise<PushOutcome> {
  const { clientEditId } = pushed;
  const before = await alreadyApplied(pool, programmeId, clientEditId);
  if (before !== null) return { clientEditId, status: 'already_applied', seq: before };
  const shape = editShapeProblems(pushed.edit);
  if (shape.length > 0) return { clientEditId, status: 'refused', code: 'invalid_edit', message: `the edit is not valid: ${describeProblems(shape)}` };
  const context: PushedEditContext = { programmeId, clientEditId, deviceId };
  try {
    await asPushedEdit(context, () => applyEdit(pool, programmeId, account, roles, pushed, now));
  } catch (error) {
    // The same edit pushed twice at once (two tabs, a retry racing its original): the other one
    // applied it, and this one met its row lock, then its revision or its applied-edit row.
    const seq = await alreadyApplied(pool, programmeId, clientEditId);
    if (seq !== null) return { clientEditId, status: 'already_applied', seq };
    if (!(error instanceof ServerError)) throw error;
    // Reference records carry no revision a device edits on: an id taken or gone is a refusal with its reason.
    if (CONFLICT_CODES.has(error.code) && !singleEdits(pushed.edit).some(isReference)) {
      const outcome = await conflictOutcome(pool, programmeId, clientEditId, pushed.edit);
      // "Not found" of a thing that never existed is a mistake, not someone else's newer version.
      if (error.code !== 'not_found' || (outcome.status === 'conflict' && outcome.current.some((v) => v.revision > 0))) return outcome;
    }
    // The device's record may lag the server (a pull passed over the slot while this edit
    // waited): the server's versions let a dismissal leave it equal to the server.
    return { clientEditId, status: 'refused', code: error.code, message: error.message, current: await currentVersions(pool, programmeId, pushed.edit) };
  }
  return { clientEditId, status: 'applied', seq: appliedSeq(context) ?? 0, revisions: await appliedRevisions(pool, programmeId, clientEditId) };
}

export async function pushEdits(pool: Pool, programmeId: string, account: Account, deviceId: string, edits: readonly PushedEdit[], now: () => Date): Promise<PushOutcome[]> {
  const roles = await programmeRoles(pool, account, programmeId);
  const outcomes: PushOutcome[] = [];
  for (const pushed of edits) {
    const outcome = await pushOne(pool, programmeId, account, roles, deviceId, pushed, now());
    outcomes.push(outcome);
    if (outcome.status === 'conflict' || outcome.status === 'refused') break;
  }
  return outcomes;
}
