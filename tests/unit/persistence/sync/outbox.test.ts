// The outbox is written in the transaction that stores the edit: both or neither. Undo and
// redo are edits too. Only a programme linked to a server has an outbox.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openFieldStore, type FieldStore } from '../../../../src/persistence/field-store.ts';
import { changeTreatedAttributes, deleteTreated } from '../../../../src/store/edits-from-snapshot.ts';
import { openProgrammeRegistry } from '../../../../src/persistence/programme-registry.ts';
import { fieldProgramme, now, testDatabase } from '../../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const LINK = { serverUrl: 'https://fulv.test', serverProgrammeId: 'TEST', cursor: 7 };

async function linked() {
  const database = testDatabase();
  const store = await database.open();
  open.push(store);
  await store.sync.linkTo(LINK);
  return { database, store };
}

/** Makes put() on the named store fail, as a disk error would, until restored. */
function failPuts(storeName: string): void {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName) throw new DOMException('disk error', 'UnknownError');
    return put.apply(this, args);
  });
}

describe('outbox', () => {
  it('has no entry for an edit of a programme not linked to a server', async () => {
    const database = testDatabase();
    const store = await database.open();
    open.push(store);
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'local' }), '赵军');
    expect(await store.sync.outbox(10)).toEqual([]);
    expect(store.getSnapshot().sync).toBeNull();
  });

  it('a committed edit leaves the edit and its outbox entry, with the base and the new values, seen after reopening', async () => {
    const { database, store } = await linked();
    const saved = await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '补植' }), '赵军');
    const reopened = await database.open();
    open.push(reopened);
    const [entry, ...rest] = await reopened.sync.outbox(10);
    expect(rest).toEqual([]);
    expect(entry!.seq).toBe(saved.seq);
    expect(entry!.clientEditId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entry!.edit).toMatchObject({ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1 });
    expect(entry!.madeAt).toBe('2025-11-20T02:00:00.000Z');
    expect(entry!.base).toEqual([{ layer: 'treated', id: 'T-T1', revision: 1, value: expect.objectContaining({ properties: expect.objectContaining({ note: '' }) }) }]);
    expect(entry!.mine).toEqual([{ layer: 'treated', id: 'T-T1', revision: 2, value: expect.objectContaining({ properties: expect.objectContaining({ note: '补植' }) }) }]);
    expect(reopened.getSnapshot().programme.treated.features.find((f) => f.properties.id === 'T-T1')!.properties.note).toBe('补植');
    expect(reopened.getSnapshot().sync).toMatchObject({ waiting: 1, conflicts: 0, refused: 0, lastSyncAt: null, serverUrl: LINK.serverUrl });
  });

  it('an aborted transaction leaves neither the edit nor the outbox entry (the failure comes after both were written)', async () => {
    const { database, store } = await linked();
    // meta is written last in the transaction, after the polygon, the journal and the outbox entry.
    failPuts('meta');
    await expect(store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'lost?' }), '赵军')).rejects.toMatchObject({ name: 'FieldStoreError' });
    vi.restoreAllMocks();
    const reopened = await database.open();
    open.push(reopened);
    expect(await reopened.sync.outbox(10)).toEqual([]);
    expect(reopened.getSnapshot().treated.get('T-T1')).toMatchObject({ revision: 1 });
    expect(await reopened.journal()).toEqual([]);
  });

  it('undo and redo enter the outbox in order, each based on the value before it', async () => {
    const { store } = await linked();
    await store.transact(deleteTreated(store.getSnapshot(), 'T-T2'), '赵军');
    await store.undo('赵军');
    await store.redo('赵军');
    const entries = await store.sync.outbox(10);
    expect(entries.map((e) => e.edit.kind)).toEqual(['delete-treated', 'create-treated', 'delete-treated']);
    expect(entries.map((e) => e.base[0]!.revision)).toEqual([1, 2, 3]);
    expect(entries.map((e) => e.base[0]!.value === null)).toEqual([false, true, false]);
    expect(new Set(entries.map((e) => e.clientEditId)).size).toBe(3);
  });

  it('a programme downloaded from a server is linked from its creation: its first edit enters the outbox', async () => {
    const factory = new IDBFactory();
    const registry = await openProgrammeRegistry({ indexedDB: factory, now });
    const content = { programme: fieldProgramme(undefined, 'TEAM'), areaLevel: 'county' as const, reviews: [],
      bufferDistances: { nature_reserve: 800, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 200, river_lake: 1000 } };
    const entry = await registry.create(content, { serverUrl: 'https://fulv.test', serverProgrammeId: 'TEAM', cursor: 41 });
    await registry.close();
    const store = await openFieldStore({ programmeId: entry.id, indexedDB: factory, now });
    open.push(store);
    expect(await store.sync.link()).toMatchObject({ serverUrl: 'https://fulv.test', serverProgrammeId: 'TEAM', cursor: 41, lastSyncAt: null, deviceId: expect.any(String) });
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'first' }), '赵军');
    expect(store.getSnapshot().sync).toMatchObject({ waiting: 1 });
  });
});
