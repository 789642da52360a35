// What the sync engine reads and writes, each call one transaction: the link, the outbox in
// order, the server's answers (entries leave the outbox together with the recorded revisions)
// and pulled pages (applied together with the cursor), so a kill at any moment leaves either
// the state before or the state after, and the engine resumes from IndexedDB alone.
import type { IDBPDatabase } from 'idb';
import { editTarget, singleEdits, type Edit } from '../../store/edit.ts';
import type { PulledChange, PushOutcome } from '../../store/sync-protocol.ts';
import type { OutboxEntry, ServerLink } from '../../store/sync-records.ts';
import type { FieldState } from '../../store/field-snapshot.ts';
import { readFieldState, readMeta } from '../field-state.ts';
import { readTransaction, writeTransaction } from '../field-transaction.ts';
import { discardSteps, rebaseNextStep } from '../history-stacks.ts';
import { editStores, type EditTransaction, type FieldDB, type HistoryEntry } from '../schema.ts';
import { applyPulledChange, slotKey, outboxSlots } from './pulled-change.ts';
import { commitMeta, writeEditStep, type EditRequest } from '../write-edit.ts';

export interface SyncWrite {
  state: FieldState;
  /** Reference layers changed (a pulled parcel, zone, mine or township). */
  referenceChanged: boolean;
}

async function commit(transaction: EditTransaction): Promise<FieldState> {
  const meta = await readMeta(transaction);
  meta.clock += 1;
  await transaction.objectStore('meta').put(meta, 'field');
  return readFieldState(transaction, meta);
}

export function readLink(db: IDBPDatabase<FieldDB>): Promise<ServerLink | null> {
  return readTransaction(db, ['sync_link'], 'reading the server link', async (t) => (await t.objectStore('sync_link').get('link')) ?? null);
}

/**
 * Links the programme to a server (after downloading it from or publishing it to one); from
 * now on every edit enters the outbox. `cursor` is the change-log seq the programme's content
 * is as of.
 */
export function linkProgramme(db: IDBPDatabase<FieldDB>, link: Omit<ServerLink, 'deviceId' | 'lastSyncAt'> & { deviceId?: string }): Promise<FieldState> {
  return writeTransaction(db, editStores(), 'linking the programme to the server', async (t) => {
    const current = await t.objectStore('sync_link').get('link');
    await t.objectStore('sync_link').put({
      serverUrl: link.serverUrl, serverProgrammeId: link.serverProgrammeId, cursor: link.cursor,
      deviceId: link.deviceId ?? current?.deviceId ?? crypto.randomUUID(), lastSyncAt: current?.lastSyncAt ?? null,
    }, 'link');
    return commit(t);
  });
}

/** The oldest `limit` outbox entries, in the order they were made. */
export function readOutbox(db: IDBPDatabase<FieldDB>, limit: number): Promise<OutboxEntry[]> {
  return readTransaction(db, ['outbox'], 'reading the outbox', (t) => t.objectStore('outbox').getAll(undefined, limit));
}

export function readConflicts(db: IDBPDatabase<FieldDB>): Promise<FieldDB['sync_conflicts']['value'][]> {
  return readTransaction(db, ['sync_conflicts'], 'reading the sync conflicts', (t) => t.objectStore('sync_conflicts').getAll());
}

/**
 * The server's answers to a push. Applied edits leave the outbox and their ids are kept (to be
 * recognised in a pull); a revision the server gave that differs from this device's becomes
 * this device's (the record and the next undo step), unless the record changed meanwhile.
 * Conflicts and refusals move aside for the user. A conflict's record becomes the server's
 * version it names (a pull may have passed over that change while my edit waited), unless a
 * later edit of mine still waits for that slot: the device holds what the server holds until
 * the user chooses, and mine stays in the conflict.
 */
export function recordPushOutcomes(db: IDBPDatabase<FieldDB>, outcomes: readonly PushOutcome[], at: Date): Promise<SyncWrite> {
  return writeTransaction(db, editStores(), 'recording the server\'s answers', async (t) => {
    const outbox = await t.objectStore('outbox').getAll();
    const byId = new Map(outbox.map((e) => [e.clientEditId, e]));
    const answered = new Set(outcomes.map((o) => o.clientEditId));
    const waiting = outboxSlots(outbox.filter((e) => !answered.has(e.clientEditId)));
    const conflicted = outboxSlots((await t.objectStore('sync_conflicts').getAll()).filter((c) => c.status === 'conflict'));
    for (const outcome of outcomes) {
      const entry = byId.get(outcome.clientEditId);
      if (!entry) continue;
      await t.objectStore('outbox').delete(entry.seq);
      if (outcome.status === 'applied' || outcome.status === 'already_applied') {
        // Mine on a slot whose earlier edit conflicted was based on my version, yet the server
        // applied it on its own version of the same revision: the server's result differs from my
        // record, so the pull must bring it rather than pass over it as mine.
        const overTheirs = [...outboxSlots([entry])].some((slot) => conflicted.has(slot));
        if (!overTheirs) await t.objectStore('sync_pushed').put({ clientEditId: entry.clientEditId, serverSeq: outcome.seq });
        if (outcome.status === 'applied') await adoptRevisions(t, entry, outcome.revisions);
      } else if (outcome.status === 'conflict') {
        await t.objectStore('sync_conflicts').put({ ...entry, at: at.toISOString(), status: 'conflict', theirs: outcome.current });
        for (const slot of outboxSlots([entry])) conflicted.add(slot);
        for (const version of outcome.current) {
          if (waiting.has(slotKey(version.layer, version.id))) continue;
          await applyPulledChange(t, { seq: 0, layer: version.layer, id: version.id, revision: version.revision, value: version.value, clientEditId: null, who: version.who, at: version.at });
          await forgetSteps(t, version.layer, version.id);
        }
      } else {
        await t.objectStore('sync_conflicts').put({ ...entry, at: at.toISOString(), status: 'refused', code: outcome.code, message: outcome.message, theirs: outcome.current ?? [] });
      }
    }
    await touchLink(t, at, null);
    return { state: await commit(t), referenceChanged: false };
  });
}

/**
 * Undo and redo steps touching a slot that now holds another's version: their revisions may
 * coincide with it, and undoing my edit over theirs would silently change theirs.
 */
async function forgetSteps(t: EditTransaction, layer: string, id: string): Promise<void> {
  for (const stack of ['undo', 'redo'] as const) {
    const dropped: HistoryEntry[] = [];
    for (let cursor = await t.objectStore(stack).openCursor(); cursor; cursor = await cursor.continue()) {
      if (!singleEdits(cursor.value.edit).some((part) => slotKey(editTarget(part).layer, editTarget(part).id) === slotKey(layer, id))) continue;
      dropped.push(cursor.value);
      await cursor.delete();
    }
    await discardSteps(t, dropped);
  }
}

async function adoptRevisions(t: EditTransaction, entry: OutboxEntry, revisions: Extract<PushOutcome, { status: 'applied' }>['revisions']): Promise<void> {
  for (const { layer, id, revision } of revisions) {
    const mine = entry.mine.find((m) => m.layer === layer && m.id === id);
    if (!mine || mine.revision === revision) continue;
    if (layer === 'treated') {
      const record = await t.objectStore('treated').get(id);
      if (record?.revision !== mine.revision) continue;
      await t.objectStore('treated').put({ ...record, revision });
    } else if (layer === 'photos') {
      const record = await t.objectStore('photos').get(id);
      if (record?.revision !== mine.revision) continue;
      await t.objectStore('photos').put({ ...record, revision });
    } else if (layer === 'reviews') {
      const record = await t.objectStore('reviews').get(id);
      if (record?.revision !== mine.revision) continue;
      await t.objectStore('reviews').put({ ...record, revision });
    } else {
      continue;
    }
    await rebaseNextStep(t, 'undo', layer, id, revision);
  }
}

async function touchLink(t: EditTransaction, at: Date, cursor: number | null): Promise<void> {
  const link = await t.objectStore('sync_link').get('link');
  if (!link) throw new Error('the programme is not linked to a server');
  await t.objectStore('sync_link').put({ ...link, lastSyncAt: at.toISOString(), cursor: cursor ?? link.cursor }, 'link');
}

/**
 * One pulled page and its cursor, together. This device's own edits coming back are skipped;
 * a slot with an edit still waiting in the outbox keeps this device's value (the push will meet
 * the newer version and become a conflict to merge). Pulled changes do not enter the undo
 * history; an undo step they make stale is refused when taken (history_conflict).
 */
export function applyPulledPage(db: IDBPDatabase<FieldDB>, changes: readonly PulledChange[], cursor: number, at: Date): Promise<SyncWrite> {
  return writeTransaction(db, editStores(), 'applying pulled changes', async (t) => {
    const pending = outboxSlots(await t.objectStore('outbox').getAll());
    let referenceChanged = false;
    for (const change of changes) {
      // This device's own edit, already here — but an acceptance step is written by the server
      // (its clock, the account's name), so its value is adopted while the record is at that revision.
      if (change.clientEditId && (await t.objectStore('sync_pushed').getKey(change.clientEditId)) !== undefined
        && !(change.layer === 'reviews' && (await t.objectStore('reviews').get(change.id))?.revision === change.revision)) continue;
      if (pending.has(slotKey(change.layer, change.id))) continue;
      if (await applyPulledChange(t, change)) referenceChanged = true;
    }
    // Own edits at or before the cursor will not come back again.
    for (const pushed of await t.objectStore('sync_pushed').getAll()) {
      if (pushed.serverSeq <= cursor) await t.objectStore('sync_pushed').delete(pushed.clientEditId);
    }
    await touchLink(t, at, cursor);
    return { state: await commit(t), referenceChanged };
  });
}

/** The user's decision on a conflict: the edits that carry it out, each journaled and pushed. */
export interface ConflictSettlement {
  edits: readonly Edit[];
  request: EditRequest;
}

/**
 * Settles a conflict or refusal its user dealt with, in one transaction: a conflict's resolution
 * edits are written through the one write path (journaled, into the outbox, based on theirs'
 * revision, which the record holds since the conflict was recorded); a dismissed refusal puts
 * its slots to the server's version named in the refusal (a pull may have passed over a change
 * while the edit waited), or, from an older server, to the version the edit was based on, unless
 * a later edit of mine waits for them. Settling what is already settled (another tab, a repeat
 * after a kill) changes nothing, so a resolution is never applied twice nor lost.
 */
export function settleConflict(db: IDBPDatabase<FieldDB>, clientEditId: string, settlement?: ConflictSettlement): Promise<SyncWrite> {
  return writeTransaction(db, editStores(), 'settling the sync conflict', async (t) => {
    const meta = await readMeta(t);
    const conflict = await t.objectStore('sync_conflicts').get(clientEditId);
    if (!conflict) return { state: await readFieldState(t, meta), referenceChanged: false };
    if (conflict.status === 'refused') {
      const waiting = outboxSlots(await t.objectStore('outbox').getAll());
      for (const slot of conflict.base) {
        if (waiting.has(slotKey(slot.layer, slot.id))) continue;
        const theirs = conflict.theirs?.find((v) => v.layer === slot.layer && v.id === slot.id);
        await applyPulledChange(t, { seq: 0, ...(theirs ?? slot), clientEditId: null, who: '', at: '' });
        await forgetSteps(t, slot.layer, slot.id);
      }
    }
    let referenceChanged = false;
    for (const edit of settlement?.edits ?? []) {
      if ((await writeEditStep(t, meta, edit, settlement!.request)).referenceChanged) referenceChanged = true;
    }
    await t.objectStore('sync_conflicts').delete(clientEditId);
    return { state: await commitMeta(t, meta), referenceChanged };
  });
}
