// A programme linked to a team server takes the server's revision of each record: when it was
// published from here (every record at 1, photos queued for upload, the undo history cleared) and
// when it was downloaded from a snapshot that carries them. Otherwise its first edit of a record
// the server had changed would be based on a revision the server no longer holds.
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { GENERAL_PRESET } from '../../../../src/domain/buffer-presets.ts';
import { openFieldStore, type FieldStore } from '../../../../src/persistence/field-store.ts';
import { openProgrammeRegistry } from '../../../../src/persistence/programme-registry.ts';
import { changeTreatedAttributes, deleteTreated, setBufferDistances } from '../../../../src/store/edits-from-snapshot.ts';
import { TARGETS_ID } from '../../../../src/store/edit.ts';
import { programmeContentOf } from '../../../../src/store/programme-content-of.ts';
import { publishedRevisions, serverRevisionsProblem } from '../../../../src/store/server-revisions.ts';
import { fieldProgramme, image, now, testDatabase } from '../../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const LINK = { serverUrl: 'https://fulv.test', serverProgrammeId: 'TEST', cursor: 12 };

async function editedLocally(): Promise<FieldStore> {
  const store = await testDatabase().open();
  open.push(store);
  await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '一' }), '赵军');
  await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '二' }), '赵军');
  await store.transact(deleteTreated(store.getSnapshot(), 'T-T2'), '赵军');
  return store;
}

describe('linking a programme just published', () => {
  it('takes revision 1 for every published record, drops tombstones and the undo history, and syncs later edits from there', async () => {
    const store = await editedLocally();
    expect(store.getSnapshot().treated.get('T-T1')!.revision).toBe(3);
    expect(store.getSnapshot().canUndo).toBe(true);
    const published = programmeContentOf(store.getSnapshot(), 'county');
    await store.sync.linkPublished(LINK, publishedRevisions(published), store.getSnapshot().clock);

    const snapshot = store.getSnapshot();
    expect(snapshot.treated.get('T-T1')).toMatchObject({ revision: 1 });
    expect(snapshot.treated.has('T-T2')).toBe(false);
    expect(snapshot.targetsRecord).toMatchObject({ id: TARGETS_ID, revision: 1, table: null });
    expect(snapshot.canUndo).toBe(false);
    expect(snapshot.canRedo).toBe(false);
    // The edits before publishing are in the published content: nothing waits to be pushed.
    expect(snapshot.sync).toMatchObject({ waiting: 0, conflicts: 0, refused: 0, serverUrl: LINK.serverUrl });
    expect(await store.sync.link()).toMatchObject({ ...LINK, deviceId: expect.any(String), lastSyncAt: null });
    // The journal keeps what was done.
    expect((await store.journal()).length).toBe(3);

    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '三' }), '赵军');
    await store.transact(setBufferDistances(store.getSnapshot(), { ...GENERAL_PRESET.distances, river_lake: 2000 }), '赵军');
    const [first, second, ...rest] = await store.sync.outbox(10);
    expect(rest).toEqual([]);
    expect(first!.edit).toMatchObject({ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1 });
    expect(second!.edit).toMatchObject({ kind: 'set-buffer-distances', baseRevision: 1 });
  });

  it('queues the photos of live polygons as new on the server (a programme carries no images)', async () => {
    const store = await testDatabase().open();
    open.push(store);
    const photo = await store.addPhoto('T-T1', image(300), { name: 'IMG_1.jpg' }, '赵军');
    const content = programmeContentOf(store.getSnapshot(), 'county');
    await store.sync.linkPublished(LINK, publishedRevisions(content), store.getSnapshot().clock);
    const [entry, ...rest] = await store.sync.outbox(10);
    expect(rest).toEqual([]);
    expect(entry!.edit).toEqual({ kind: 'add-photo', baseRevision: 0, photo });
    expect(entry!.mine).toEqual([{ layer: 'photos', id: photo.id, revision: 1, value: photo }]);
    expect(store.getSnapshot().photoRecords.get(photo.id)).toMatchObject({ revision: 1 });
    expect(await store.sync.photoImage(photo.id)).toBeInstanceOf(Blob);
  });

  it('refuses to link when the programme changed after the published snapshot, and links nothing', async () => {
    const store = await editedLocally();
    const published = programmeContentOf(store.getSnapshot(), 'county');
    const clock = store.getSnapshot().clock;
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'meanwhile' }), '赵军');
    await expect(store.sync.linkPublished(LINK, publishedRevisions(published), clock)).rejects.toMatchObject({ code: 'stale_publish' });
    expect(await store.sync.link()).toBeNull();
    expect(store.getSnapshot().treated.get('T-T1')!.revision).toBe(4);
  });
});

describe('a programme downloaded with the server revisions', () => {
  it('starts each record at the server revision, so an edit is based on it', async () => {
    const factory = new IDBFactory();
    const registry = await openProgrammeRegistry({ indexedDB: factory, now });
    const content = { programme: fieldProgramme(undefined, 'TEAM'), areaLevel: 'county' as const, reviews: [], bufferDistances: GENERAL_PRESET.distances };
    // T-M1-P1's first acceptance step was undone on the server: no record, at revision 4.
    const revisions = { treated: { 'T-T1': 3, 'T-T2': 1 }, photos: {}, reviews: { 'T-M1-P1': 4 }, targets: 2, settings: 5 };
    expect(serverRevisionsProblem(revisions)).toBeNull();
    const entry = await registry.create(content, { serverUrl: 'https://fulv.test', serverProgrammeId: 'TEAM', cursor: 41, revisions });
    await registry.close();
    const store = await openFieldStore({ programmeId: entry.id, indexedDB: factory, now });
    open.push(store);
    const snapshot = store.getSnapshot();
    expect(snapshot.treated.get('T-T1')).toMatchObject({ revision: 3 });
    expect(snapshot.treated.get('T-T2')).toMatchObject({ revision: 1 });
    expect(snapshot.targetsRecord).toEqual({ id: TARGETS_ID, revision: 2, table: null });
    expect(snapshot.reviews.get('T-M1-P1')).toEqual({ id: 'T-M1-P1', revision: 4, review: null });
    // The targets in force are still the programme's own.
    expect(snapshot.programme.targets).toEqual(content.programme.targets);
    await store.transact(changeTreatedAttributes(snapshot, 'T-T1', { note: 'field' }), '赵军');
    await store.transact(setBufferDistances(store.getSnapshot(), { ...GENERAL_PRESET.distances, river_lake: 2000 }), '赵军');
    const entries = await store.sync.outbox(10);
    expect(entries.map((e) => e.edit)).toMatchObject([{ id: 'T-T1', baseRevision: 3 }, { kind: 'set-buffer-distances', baseRevision: 5 }]);
  });

  it('names what is wrong with revisions that are not whole numbers from 1', () => {
    expect(serverRevisionsProblem({ treated: { a: 0 }, photos: {}, reviews: {}, targets: 1, settings: 1 })).toBe('revisions.treated["a"] is not a revision (a whole number from 1)');
    expect(serverRevisionsProblem({ treated: {}, photos: [], reviews: {}, targets: 1, settings: 1 })).toBe('revisions.photos is not an object');
    expect(serverRevisionsProblem({ treated: {}, photos: {}, reviews: {}, targets: 1.5, settings: 1 })).toBe('revisions.targets is not a revision (a whole number from 1)');
  });
});
