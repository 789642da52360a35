// The sync engine against an in-memory server that honours the protocol: devices exchange
// edits; faults (a lost push answer, a failed pull page, a server down) lose and duplicate
// nothing; one tab syncs at a time.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../../src/persistence/field-store.ts';
import { backoffDelay, SyncEngine, type SyncActivity, type SyncEngineOptions } from '../../../../src/persistence/sync/sync-engine.ts';
import { changeTreatedAttributes } from '../../../../src/store/edits-from-snapshot.ts';
import { fieldProgramme, testDatabase, treatedFeature, type TestDatabase } from '../../../helpers/field-store.ts';
import { FakeSyncServer, memoryLocks } from '../../../helpers/sync-server.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const noteOf = (store: FieldStore, id: string): string | undefined => store.getSnapshot().treated.get(id)?.feature?.properties.note;

interface Device {
  database: TestDatabase;
  store: FieldStore;
  engine: SyncEngine;
  activity: SyncActivity[];
  online: { value: boolean };
  retries: number[];
  /** A reload (or a kill and a restart): a new connection and a new engine, nothing kept in memory. */
  reload(): Promise<Device>;
}

async function device(server: FakeSyncServer, name: string, extra: Partial<SyncEngineOptions> = {}, database = testDatabase()): Promise<Device> {
  const store = await database.open();
  open.push(store);
  if (!(await store.sync.link())) await store.sync.linkTo({ serverUrl: 'https://fulv.test/', serverProgrammeId: 'TEST', cursor: 0 });
  const activity: SyncActivity[] = [];
  const online = { value: true };
  const retries: number[] = [];
  const engine = new SyncEngine({
    sync: store.sync, transport: server.transport(), token: () => `user-${name}`, isOnline: () => online.value, lock: memoryLocks(), programmeId: 'TEST',
    onActivity: (a) => activity.push(a), pullPage: 2, schedule: (ms) => {
      retries.push(ms);
      return () => undefined;
    },
    random: () => 1, ...extra,
  });
  return { database, store, engine, activity, online, retries, reload: () => device(server, name, extra, database) };
}

describe('sync engine', () => {
  it('two devices edit different polygons offline; after reconnecting both hold both edits, each applied once', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    a.online.value = false;
    b.online.value = false;
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'from a' }), '赵军');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T2', { note: 'from b' }), '钱芳');
    await a.engine.poke();
    expect(a.activity.at(-1)).toEqual({ state: 'offline' });
    expect(server.requests).toEqual([]);
    expect(a.store.getSnapshot().sync).toMatchObject({ waiting: 1 });

    a.online.value = true;
    b.online.value = true;
    await a.engine.poke();
    await b.engine.poke();
    await a.engine.poke();
    for (const d of [a, b]) {
      expect(noteOf(d.store, 'T-T1')).toBe('from a');
      expect(noteOf(d.store, 'T-T2')).toBe('from b');
      expect(d.store.getSnapshot().sync).toMatchObject({ waiting: 0, conflicts: 0, refused: 0, lastSyncAt: '2025-11-20T02:00:00.000Z' });
      expect(d.activity.at(-1)).toEqual({ state: 'idle' });
    }
    expect(server.log.map((c) => [c.id, c.revision])).toEqual([['T-T1', 2], ['T-T2', 2]]);
    // Revisions agree everywhere, so the next edit of either device applies on the server.
    expect(a.store.getSnapshot().treated.get('T-T2')!.revision).toBe(2);
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T2', { note: 'a after b' }), '赵军');
    await a.engine.poke();
    expect(server.slots.get('T-T2')!.value!.properties.note).toBe('a after b');
    expect((await a.store.sync.link())!.cursor).toBe(3);
  });

  it('a push whose answer is lost after the server applied it is replayed after a kill: already applied, nothing duplicated', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'once' }), '赵军');
    const [entry] = await a.store.sync.outbox(10);
    server.loseNextPushAnswer = true;
    await a.engine.poke();
    expect(a.activity.at(-1)).toMatchObject({ state: 'failed', message: 'network connection lost' });
    expect(a.store.getSnapshot().sync).toMatchObject({ waiting: 1 });
    a.engine.stop();

    const restarted = await a.reload();
    expect(await restarted.store.sync.outbox(10)).toEqual([entry]);
    await restarted.engine.poke();
    expect(server.appliedCount(entry!.clientEditId)).toBe(1);
    expect(server.log).toHaveLength(1);
    expect(await restarted.store.sync.outbox(10)).toEqual([]);
    expect(noteOf(restarted.store, 'T-T1')).toBe('once');
    expect(restarted.store.getSnapshot().treated.get('T-T1')!.revision).toBe(2);
  });

  it('a pull page that fails midway resumes from the cursor persisted with the pages already applied', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    for (const note of ['one', 'two', 'three', 'four', 'five']) server.changeDirectly(treatedFeature('T-T1', { note }));
    const a = await device(server, 'a');
    server.failPullSince = 2;
    await a.engine.poke();
    expect(a.activity.at(-1)).toMatchObject({ state: 'failed' });
    expect(noteOf(a.store, 'T-T1')).toBe('two');
    const restarted = await a.reload();
    expect((await restarted.store.sync.link())!.cursor).toBe(2);
    server.requests.length = 0;
    await restarted.engine.poke();
    expect(server.requests.filter((r) => r.startsWith('GET'))).toEqual([
      'GET https://fulv.test/api/programmes/TEST/sync/pull?since=2&limit=2',
      'GET https://fulv.test/api/programmes/TEST/sync/pull?since=4&limit=2',
    ]);
    expect(noteOf(restarted.store, 'T-T1')).toBe('five');
    expect(restarted.store.getSnapshot().treated.get('T-T1')!.revision).toBe(6);
  });

  it('the same polygon edited on two devices: the later push is kept aside as a conflict with base, mine and theirs', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), '赵军');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), '钱芳');
    await a.engine.poke();
    await b.engine.poke();
    const [conflict, ...more] = await b.store.sync.conflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      status: 'conflict',
      base: [{ layer: 'treated', id: 'T-T1', revision: 1, value: { properties: { note: '' } } }],
      mine: [{ layer: 'treated', id: 'T-T1', revision: 2, value: { properties: { note: 'b' } } }],
      theirs: [{ layer: 'treated', id: 'T-T1', revision: 2, value: { properties: { note: 'a' } } }],
    });
    expect(b.store.getSnapshot().sync).toMatchObject({ waiting: 0, conflicts: 1 });
    expect(server.slots.get('T-T1')!.value!.properties.note).toBe('a');
    // The pull then brought theirs: the record is the server's, mine stays in the conflict.
    expect(b.store.getSnapshot().treated.get('T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'a' } } });
    await b.store.sync.settle(conflict!.clientEditId);
    expect(await b.store.sync.conflicts()).toEqual([]);
    expect(b.store.getSnapshot().sync).toMatchObject({ conflicts: 0 });
  });

  it('a pulled change does not enter the undo history, and makes the local undo step it overtook refused', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), '赵军');
    await a.engine.poke();
    await b.engine.poke();
    expect(b.store.getSnapshot().canUndo).toBe(false);
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b on a' }), '钱芳');
    await b.engine.poke();
    await a.engine.poke();
    expect(noteOf(a.store, 'T-T1')).toBe('b on a');
    await expect(a.store.undo('赵军')).rejects.toMatchObject({ code: 'history_conflict' });
    expect(noteOf(a.store, 'T-T1')).toBe('b on a');
  });

  it('backs off exponentially with jitter, capped, while the server is down; an expired session waits for a login', async () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, 1000, 8000, 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelay(2, 1000, 8000, 0)).toBe(2000);
    const server = new FakeSyncServer([]);
    const a = await device(server, 'a', { backoff: { firstMs: 1000, maxMs: 8000 } });
    server.down = true;
    for (let i = 0; i < 5; i++) await a.engine.poke();
    expect(a.retries).toEqual([1000, 2000, 4000, 8000, 8000]);
    server.down = false;
    await a.engine.poke();
    expect(a.activity.at(-1)).toEqual({ state: 'idle' });
    server.down = true;
    await a.engine.poke();
    expect(a.retries.at(-1)).toBe(1000);

    const expired = await device(new FakeSyncServer([]), 'x', { token: () => 'expired' });
    await expired.engine.poke();
    expect(expired.activity.at(-1)).toEqual({ state: 'unauthenticated' });
    expect(expired.retries).toEqual([]);
  });

  it('only one tab syncs a programme at a time; the other stays consistent through the tab channel', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const lock = memoryLocks();
    const tab1 = await device(server, 'a', { lock });
    const tab2Store = await tab1.database.open();
    open.push(tab2Store);
    const tab2 = new SyncEngine({ sync: tab2Store.sync, transport: server.transport(), token: () => 'user-a', isOnline: () => true, lock, programmeId: 'TEST', onActivity: (x) => seen.push(x) });
    const seen: SyncActivity[] = [];
    await tab1.store.transact(changeTreatedAttributes(tab1.store.getSnapshot(), 'T-T1', { note: 'once' }), '赵军');
    await Promise.all([tab1.engine.poke(), tab2.poke()]);
    expect(seen.at(-1)).toEqual({ state: 'elsewhere' });
    expect(server.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(server.log).toHaveLength(1);
    server.changeDirectly(treatedFeature('T-T2', { note: 'from the office' }));
    await tab1.engine.poke();
    await expect.poll(() => noteOf(tab2Store, 'T-T2')).toBe('from the office');
    expect(tab2Store.getSnapshot().sync).toMatchObject({ waiting: 0 });
  });
});
