// Links a programme its user just published to a team server. The server holds what was
// published, every record at revision 1 (store/server-revisions.ts), as of change-log seq
// `cursor`; from now on this device's edits enter the outbox and sync.
//
// What becomes of what this device had:
// - revisions: each record takes the server's, so the next edit is based on it; tombstones (a
//   deleted polygon, a removed photo, an undone acceptance record) were not published and go;
// - photos of live polygons were not published (a programme carries no images): each enters the
//   outbox as an add-photo edit, so the first sync uploads it with its bytes;
// - the undo and redo history is cleared: its steps were recorded against this device's own
//   revisions, and the edits before publishing are in the published content, so none of them may
//   be pushed again as if new. The journal keeps them;
// - an outbox, pushed ids and conflicts of an earlier link (another server) are dropped.
//
// Refused when the programme changed after `clock` (an edit in another tab while publishing): the
// server would then hold an older version than this device, and linking would hide the difference.
import type { IDBPDatabase } from 'idb';
import type { ProgrammeLink } from '../create-programme.ts';
import { TARGETS_ID } from '../../store/edit.ts';
import type { FieldState } from '../../store/field-snapshot.ts';
import { BUFFER_DISTANCES_ID } from '../../store/programme-settings.ts';
import type { ServerRevisions } from '../../store/server-revisions.ts';
import { FieldStoreError } from '../field-store-error.ts';
import { readFieldState, readMeta } from '../field-state.ts';
import { writeTransaction } from '../field-transaction.ts';
import { discardSteps } from '../history-stacks.ts';
import { editStores, type EditTransaction, type FieldDB } from '../schema.ts';

async function adoptRevisions(t: EditTransaction, revisions: ServerRevisions): Promise<void> {
  for (const record of await t.objectStore('treated').getAll()) {
    const revision = revisions.treated[record.id];
    if (revision && record.feature) await t.objectStore('treated').put({ ...record, revision });
    else if (!record.feature) await t.objectStore('treated').delete(record.id);
  }
  for (const record of await t.objectStore('reviews').getAll()) {
    const revision = revisions.reviews[record.id];
    if (revision && record.review) await t.objectStore('reviews').put({ ...record, revision });
    else if (!record.review) await t.objectStore('reviews').delete(record.id);
  }
  const targets = await t.objectStore('targets').get(TARGETS_ID);
  await t.objectStore('targets').put({ id: TARGETS_ID, table: targets?.table ?? null, revision: revisions.targets });
  const distances = await t.objectStore('settings').get(BUFFER_DISTANCES_ID);
  await t.objectStore('settings').put({ id: BUFFER_DISTANCES_ID, distances: distances?.distances ?? null, revision: revisions.settings });
}

/** Photos of live polygons enter the outbox as new on the server; removed photos' tombstones go. */
async function queuePhotos(t: EditTransaction, lastSeq: number, at: Date): Promise<number> {
  let seq = lastSeq;
  for (const record of await t.objectStore('photos').getAll()) {
    if (!record.photo) {
      await t.objectStore('photos').delete(record.id);
      await t.objectStore('photo_blobs').delete(record.id);
      continue;
    }
    const polygon = await t.objectStore('treated').get(record.photo.feature_id);
    if (!polygon?.feature) continue;
    seq += 1;
    await t.objectStore('photos').put({ ...record, revision: 1 });
    await t.objectStore('outbox').put({
      seq, clientEditId: crypto.randomUUID(), madeAt: at.toISOString(),
      edit: { kind: 'add-photo', baseRevision: 0, photo: record.photo },
      base: [{ layer: 'photos', id: record.id, revision: 0, value: null }],
      mine: [{ layer: 'photos', id: record.id, revision: 1, value: record.photo }],
    });
  }
  return seq;
}

export function linkPublishedProgramme(db: IDBPDatabase<FieldDB>, link: Omit<ProgrammeLink, 'revisions'>, revisions: ServerRevisions, clock: number, at: Date): Promise<FieldState> {
  return writeTransaction(db, editStores(), 'linking the published programme to the server', async (t) => {
    const meta = await readMeta(t);
    if (meta.clock !== clock) {
      throw new FieldStoreError('stale_publish', 'The programme changed while it was being published (an edit in another tab?), so it was not linked to the server: its edits would not sync. Download it from the server to work on the team’s copy.');
    }
    for (const store of ['undo', 'redo'] as const) {
      await discardSteps(t, await t.objectStore(store).getAll());
      await t.objectStore(store).clear();
    }
    for (const store of ['outbox', 'sync_pushed', 'sync_conflicts'] as const) await t.objectStore(store).clear();
    await adoptRevisions(t, revisions);
    meta.lastSeq = await queuePhotos(t, meta.lastSeq, at);
    const current = await t.objectStore('sync_link').get('link');
    await t.objectStore('sync_link').put({
      serverUrl: link.serverUrl, serverProgrammeId: link.serverProgrammeId, cursor: link.cursor,
      deviceId: current?.deviceId ?? crypto.randomUUID(), lastSyncAt: null,
    }, 'link');
    meta.clock += 1;
    await t.objectStore('meta').put(meta, 'field');
    return readFieldState(t, meta);
  });
}
