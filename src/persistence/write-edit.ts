// The one write path. An edit, an undo and a redo each run in a single transaction that
// applies the change, appends the journal entry, updates the undo/redo stacks and advances the
// clock; the returned promise resolves after the transaction's `complete` event, i.e. only
// once all of that is on disk, and rejects (having written nothing) otherwise.
import type { IDBPDatabase } from 'idb';
import type { Edit } from '../store/edit.ts';
import type { PhotoRecord, TreatedRecord } from '../store/field-records.ts';
import type { ReviewRecord, TargetsRecord } from '../store/review-records.ts';
import type { BufferDistancesRecord } from '../store/programme-settings.ts';
import type { FieldState } from '../store/field-snapshot.ts';
import type { JournalAction } from '../store/journal-entry.ts';
import { asSentence, describeProblems } from '../store/problem.ts';
import type { ReferenceContext } from '../store/reference-context.ts';
import { applyEditInTransaction, type EditApplication } from './edit-application.ts';
import { FieldStoreError } from './field-store-error.ts';
import { readFieldState, readMeta } from './field-state.ts';
import { writeTransaction } from './field-transaction.ts';
import { clearRedo, discardSteps, popStep, pushStep, rebaseNextStep, trimUndo } from './history-stacks.ts';
import { enterOutbox, readBase } from './sync/outbox-entry.ts';
import { editStores, type EditTransaction, type FieldDB, type FieldMeta, type PhotoBlobRecord } from './schema.ts';

export interface WriteOutcome {
  /** The journal entry of this step. */
  seq: number;
  treated: TreatedRecord[];
  photos: PhotoRecord[];
  reviews: ReviewRecord[];
  targets: TargetsRecord[];
  distances: BufferDistancesRecord[];
  referenceChanged: boolean;
  state: FieldState;
}

export interface EditRequest {
  who: string;
  at: Date;
  reference: ReferenceContext;
  /** The image of a photo the edit attaches, stored in the same transaction. */
  blob?: PhotoBlobRecord;
}

export type HistoryOutcome =
  | { ok: true; outcome: WriteOutcome }
  /** The step conflicted with a later change made elsewhere and was dropped from the stack. */
  | { ok: false; code: string; reason: string; state: FieldState };

async function appendJournal(transaction: EditTransaction, meta: FieldMeta, who: string, at: Date, action: JournalAction, edit: Edit): Promise<number> {
  meta.lastSeq += 1;
  await transaction.objectStore('journal').put({ seq: meta.lastSeq, at: at.toISOString(), who, action, edit });
  return meta.lastSeq;
}

export async function commitMeta(transaction: EditTransaction, meta: FieldMeta): Promise<FieldState> {
  meta.clock += 1;
  await transaction.objectStore('meta').put(meta, 'field');
  return readFieldState(transaction, meta);
}

function refusedError(application: Exclude<EditApplication, { ok: true }>): FieldStoreError {
  if ('problems' in application) return new FieldStoreError('invalid_edit', asSentence(`The edit was refused: ${describeProblems(application.problems)}`), application.problems);
  return new FieldStoreError(application.refusal.code, asSentence(`The edit was refused: ${application.refusal.reason}`));
}

/**
 * One edit inside a transaction the caller holds: applied, journaled, entered into the outbox
 * (when linked) and onto the undo stack. `meta` is the caller's, committed by it.
 */
export async function writeEditStep(transaction: EditTransaction, meta: FieldMeta, edit: Edit, request: EditRequest): Promise<Omit<WriteOutcome, 'state'>> {
  if (request.blob) await transaction.objectStore('photo_blobs').put(request.blob);
  const base = await readBase(transaction, edit);
  const application = await applyEditInTransaction(transaction, edit, { reference: request.reference, who: request.who, at: request.at });
  if (!application.ok) throw refusedError(application);
  const seq = await appendJournal(transaction, meta, request.who, request.at, 'edit', edit);
  if (base) await enterOutbox(transaction, seq, edit, request.at, base, application.applied);
  await pushStep(transaction, meta, 'undo', application.applied.inverse, seq);
  await clearRedo(transaction);
  await trimUndo(transaction);
  const { treated, photos, reviews, targets, distances, referenceChanged } = application.applied;
  return { seq, treated, photos, reviews, targets, distances, referenceChanged };
}

export function writeEdit(db: IDBPDatabase<FieldDB>, edit: Edit, request: EditRequest): Promise<WriteOutcome> {
  return writeTransaction(db, editStores(), 'this edit', async (transaction) => {
    const meta = await readMeta(transaction);
    const written = await writeEditStep(transaction, meta, edit, request);
    return { ...written, state: await commitMeta(transaction, meta) };
  });
}

/** Undo (take from 'undo', push onto 'redo') or redo (the reverse), as one transaction. */
export function writeHistoryStep(db: IDBPDatabase<FieldDB>, from: 'undo' | 'redo', who: string, at: Date): Promise<HistoryOutcome> {
  return writeTransaction(db, editStores(), from === 'undo' ? 'the undo' : 'the redo', async (transaction): Promise<HistoryOutcome> => {
    const meta = await readMeta(transaction);
    const entry = await popStep(transaction, from);
    if (!entry) throw new FieldStoreError(from === 'undo' ? 'nothing_to_undo' : 'nothing_to_redo', `There is nothing to ${from}.`);
    const base = await readBase(transaction, entry.edit);
    const application = await applyEditInTransaction(transaction, entry.edit, null);
    if (!application.ok) {
      await discardSteps(transaction, [entry]);
      const [code, reason] = 'problems' in application ? ['invalid_edit', describeProblems(application.problems)] : [application.refusal.code, application.refusal.reason];
      return { ok: false, code, reason, state: await commitMeta(transaction, meta) };
    }
    for (const record of application.applied.treated) await rebaseNextStep(transaction, from, 'treated', record.id, record.revision);
    for (const record of application.applied.photos) await rebaseNextStep(transaction, from, 'photos', record.id, record.revision);
    for (const record of application.applied.reviews) await rebaseNextStep(transaction, from, 'reviews', record.id, record.revision);
    for (const record of application.applied.targets) await rebaseNextStep(transaction, from, 'targets', record.id, record.revision);
    for (const record of application.applied.distances) await rebaseNextStep(transaction, from, 'settings', record.id, record.revision);
    const seq = await appendJournal(transaction, meta, who, at, from, entry.edit);
    // An undo or redo is an edit like any other for the server.
    if (base) await enterOutbox(transaction, seq, entry.edit, at, base, application.applied);
    await pushStep(transaction, meta, from === 'undo' ? 'redo' : 'undo', application.applied.inverse, seq);
    const state = await commitMeta(transaction, meta);
    const { treated, photos, reviews, targets, distances, referenceChanged } = application.applied;
    return { ok: true, outcome: { seq, treated, photos, reviews, targets, distances, referenceChanged, state } };
  });
}
