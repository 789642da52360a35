// The conflict path end to end on two devices against an in-memory server: a push answered
// "conflict" leaves the device holding the server's version; the user's decision (through the
// conflict screen's source) is applied locally in one transaction with settling the conflict —
// journaled under a label naming the version replaced, into the outbox based on theirs' revision
// — and the next push is applied, after which device and server hold the same. Refused edits are
// dismissed back to the server's version.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../../src/persistence/field-store.ts';
import { fieldConflictSource } from '../../../../src/persistence/sync/field-conflict-source.ts';
import { SyncEngine } from '../../../../src/persistence/sync/sync-engine.ts';
import { mergeConflict } from '../../../../src/store/conflict-resolution.ts';
import { changeTreatedAttributes, deleteTreated, reshapeTreated } from '../../../../src/store/edits-from-snapshot.ts';
import type { SyncConflictSource } from '../../../../src/store/sync-conflict.ts';
import { fieldProgramme, now, SQUARE_2, SQUARE_3, testDatabase, type TestDatabase } from '../../../helpers/field-store.ts';
import { FakeSyncServer, memoryLocks } from '../../../helpers/sync-server.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

interface Device {
  database: TestDatabase;
  store: FieldStore;
  engine: SyncEngine;
  source: SyncConflictSource;
  online: { value: boolean };
}

async function device(server: FakeSyncServer, name: string, database = testDatabase()): Promise<Device> {
  const store = await database.open();
  open.push(store);
  if (!(await store.sync.link())) await store.sync.linkTo({ serverUrl: 'https://fulv.test/', serverProgrammeId: 'TEST', cursor: 0 });
  const online = { value: true };
  const engine = new SyncEngine({
    sync: store.sync, transport: server.transport(), token: () => `user-${name}`, isOnline: () => online.value, lock: memoryLocks(), programmeId: 'TEST',
    schedule: () => () => undefined,
  });
  return { database, store, engine, online, source: fieldConflictSource(store, () => name, now) };
}

const record = (d: Device, id: string) => d.store.getSnapshot().treated.get(id);
const live = (d: Device) => [...d.store.getSnapshot().treated.values()].filter((r) => r.feature).map((r) => ({ id: r.id, revision: r.revision, feature: r.feature }));
const onServer = (server: FakeSyncServer) => [...server.slots].filter(([, s]) => s.value).map(([id, s]) => ({ id, revision: s.revision, feature: s.value })).sort((a, b) => (a.id < b.id ? -1 : 1));

/** a and b edit offline; a pushes first, then b meets a's version. */
async function both(server: FakeSyncServer, onA: (a: Device) => Promise<unknown>, onB: (b: Device) => Promise<unknown>): Promise<[Device, Device]> {
  const a = await device(server, 'a');
  const b = await device(server, 'b');
  await onA(a);
  await onB(b);
  await a.engine.poke();
  await b.engine.poke();
  return [a, b];
}

/** Everyone syncs until nothing moves, then all hold the server's data. */
async function converge(server: FakeSyncServer, ...devices: Device[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const d of devices) await d.engine.poke();
  for (const d of devices) {
    expect(d.store.getSnapshot().sync).toMatchObject({ waiting: 0, conflicts: 0, refused: 0 });
    expect(live(d)).toEqual(onServer(server));
  }
}

describe('the conflict path', () => {
  it('the same attribute on both sides: the device holds theirs until the user keeps mine; then journaled, pushed and applied', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), 'b'));
    expect(record(b, 'T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'a' } } });
    const [conflict, ...more] = await b.source.list();
    expect(more).toEqual([]);
    expect(mergeConflict(conflict!).kind).toBe('ask');

    await b.source.resolve(conflict!, 'mine');
    expect(await b.source.list()).toEqual([]);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 3, feature: { properties: { note: 'b' } } });
    const [entry, ...rest] = await b.store.sync.outbox(10);
    expect(rest).toEqual([]);
    expect(entry!.edit).toEqual({ kind: 'batch', label: expect.stringContaining(`kept mine (${conflict!.clientEditId}), replaced treated T-T1 r2 by other`), edits: [{ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 2, attributes: { note: 'b' } }] });
    // The journal holds my first edit and the resolution naming theirs; a's value is in the server's log.
    const journal = await b.store.journal();
    expect(journal.map((j) => j.who)).toEqual(['b', 'b']);
    expect(journal[0]!.edit).toEqual(entry!.edit);
    await converge(server, a, b);
    expect(server.slots.get('T-T1')).toMatchObject({ revision: 3, value: { properties: { note: 'b' } } });
    expect(server.log.filter((c) => c.id === 'T-T1').map((c) => c.value && (c.value as { properties: { note: string } }).properties.note)).toEqual(['a', 'b']);
  });

  it('a conflict recorded after a pull passed over theirs (my edit was waiting) still leaves the device holding the server\'s version', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a');
    await a.engine.poke();
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), 'b');
    // A pull that ran while b's edit waited in the outbox: the slot is passed over, the cursor moves on.
    await b.store.sync.applyPulledPage(server.log, server.log.length);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'b' } } });
    await b.engine.poke();
    expect((await b.store.sync.link())!.cursor).toBe(1);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'a' } } });
    expect(live(b)).toEqual(onServer(server));
    expect(b.store.getSnapshot().sync).toMatchObject({ conflicts: 1 });
    // My undo step would undo my edit over theirs: it is gone with my version.
    expect(b.store.getSnapshot().canUndo).toBe(false);
  });

  it('a later edit of mine waiting for the slot keeps the record mine when the first conflicts', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const b = await device(server, 'b');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b1' }), 'b');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { measure: 'engineering' }), 'b');
    const [first] = await b.store.sync.outbox(10);
    const theirs = { ...server.slots.get('T-T1')!.value!, properties: { ...server.slots.get('T-T1')!.value!.properties, note: 'a' } };
    await b.store.sync.recordPushOutcomes([{ clientEditId: first!.clientEditId, status: 'conflict', current: [{ layer: 'treated', id: 'T-T1', revision: 2, value: theirs, who: 'user-a', at: '2025-11-20T02:00:00Z' }] }]);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 3, feature: { properties: { note: 'b1', measure: 'engineering' } } });
    expect(b.store.getSnapshot().sync).toMatchObject({ waiting: 1, conflicts: 1 });
  });

  it('a later edit of mine the server applies on its own version (same revision) after the first conflicted: the pull brings the server\'s result', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a'),
      async (b) => {
        await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b1' }), 'b');
        await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { measure: 'engineering' }), 'b');
      });
    // The second, based on revision 2, met the server's revision 2 (a's): only its measure was written there.
    expect(server.slots.get('T-T1')).toMatchObject({ revision: 3, value: { properties: { note: 'a', measure: 'engineering' } } });
    expect(live(b)).toEqual(onServer(server));
    const [conflict, ...more] = await b.source.list();
    expect(more).toEqual([]);
    expect(mergeConflict(conflict!)).toMatchObject({ kind: 'ask' });
    await b.source.resolve(conflict!, 'mine');
    await converge(server, a, b);
    expect(server.slots.get('T-T1')!.value!.properties).toMatchObject({ note: 'b1', measure: 'engineering' });
  });

  it('a third change pulled after the conflict: the resolution is based on it, so its push is applied', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), 'b'));
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { measure: 'engineering' }), 'a');
    await a.engine.poke();
    await b.engine.poke();
    expect(record(b, 'T-T1')).toMatchObject({ revision: 3, feature: { properties: { note: 'a', measure: 'engineering' } } });
    const [conflict] = await b.source.list();
    expect(conflict!.theirs).toMatchObject([{ revision: 3, value: { properties: { note: 'a', measure: 'engineering' } } }]);
    await b.source.resolve(conflict!, 'mine');
    await converge(server, a, b);
    expect(server.slots.get('T-T1')).toMatchObject({ revision: 4, value: { properties: { note: 'b', measure: 'engineering' } } });
  });

  it('different attributes merge by themselves: mine on theirs\' revision, both kept', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'from a' }), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { measure: 'landform' }), 'b'));
    const [conflict] = await b.source.list();
    expect(mergeConflict(conflict!).kind).toBe('merged');
    await b.source.resolve(conflict!, 'mine');
    expect((await b.store.journal())[0]!.edit).toMatchObject({ kind: 'batch', label: expect.stringMatching(/^sync merged: my edit /) });
    await converge(server, a, b);
    expect(server.slots.get('T-T1')!.value!.properties).toMatchObject({ note: 'from a', measure: 'landform' });
  });

  it('both reshaped, kept both: theirs stands and my shape becomes a new polygon on every side', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(reshapeTreated(a.store.getSnapshot(), 'T-T1', SQUARE_2), 'a'),
      (b) => b.store.transact(reshapeTreated(b.store.getSnapshot(), 'T-T1', SQUARE_3), 'b'));
    expect(record(b, 'T-T1')!.feature!.geometry).toEqual(SQUARE_2);
    const [conflict] = await b.source.list();
    await b.source.resolve(conflict!, 'keep-both');
    await converge(server, a, b);
    const shapes = onServer(server).map((s) => s.feature!.geometry);
    expect(shapes).toContainEqual(SQUARE_2);
    expect(shapes).toContainEqual(SQUARE_3);
    expect(onServer(server)).toHaveLength(3);
  });

  it('theirs chosen: nothing pushed, the conflict gone, my edit still in the journal', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), 'b'));
    const [conflict] = await b.source.list();
    await b.source.resolve(conflict!, 'theirs');
    expect(await b.store.sync.outbox(10)).toEqual([]);
    expect((await b.store.journal()).map((j) => j.edit)).toEqual([{ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1, attributes: { note: 'b' } }]);
    await converge(server, a, b);
    expect(server.slots.get('T-T1')!.value!.properties.note).toBe('a');
  });

  it('my delete against their edit: the polygon comes back on my device (their edit) until I choose; mine deletes it everywhere', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T2', { note: 'kept?' }), 'a'),
      (b) => b.store.transact(deleteTreated(b.store.getSnapshot(), 'T-T2'), 'b'));
    expect(record(b, 'T-T2')).toMatchObject({ revision: 2, feature: { properties: { note: 'kept?' } } });
    const [conflict] = await b.source.list();
    const outcome = mergeConflict(conflict!);
    expect(outcome).toMatchObject({ kind: 'ask', choices: ['mine', 'theirs'] });
    await b.source.resolve(conflict!, 'mine');
    await converge(server, a, b);
    expect(server.slots.get('T-T2')).toMatchObject({ revision: 3, value: null });
  });

  it('my edit against their delete: the polygon is gone on my device until I choose; mine brings it back with my note', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(deleteTreated(a.store.getSnapshot(), 'T-T2'), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T2', { note: 'still here' }), 'b'));
    expect(record(b, 'T-T2')).toMatchObject({ revision: 2, feature: null });
    const [conflict] = await b.source.list();
    expect(mergeConflict(conflict!)).toMatchObject({ kind: 'ask', choices: ['mine', 'theirs', 'keep-both'] });
    await b.source.resolve(conflict!, 'mine');
    await converge(server, a, b);
    expect(server.slots.get('T-T2')).toMatchObject({ revision: 3, value: { properties: { note: 'still here' } } });
  });

  it('my edit against their delete, kept both: theirs stays deleted and my version comes back as a new polygon', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [a, b] = await both(server,
      (a) => a.store.transact(deleteTreated(a.store.getSnapshot(), 'T-T2'), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T2', { note: 'still here' }), 'b'));
    const [conflict] = await b.source.list();
    await b.source.resolve(conflict!, 'keep-both');
    await converge(server, a, b);
    expect(server.slots.get('T-T2')).toMatchObject({ revision: 2, value: null });
    const restored = onServer(server).filter((f) => f.id !== 'T-T1');
    expect(restored).toHaveLength(1);
    expect(restored[0]!.feature).toMatchObject({ geometry: SQUARE_2, properties: { note: 'still here' } });
  });

  it('settling twice, or from two tabs at once, applies the resolution once', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), 'b'));
    const tab2 = await b.database.open();
    open.push(tab2);
    const source2 = fieldConflictSource(tab2, () => 'b', now);
    const [conflict] = await b.source.list();
    await Promise.all([b.source.resolve(conflict!, 'mine'), source2.resolve(conflict!, 'mine')]);
    await b.source.resolve(conflict!, 'mine');
    expect(await b.store.sync.outbox(10)).toHaveLength(1);
    expect(await b.store.journal()).toHaveLength(2);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 3, feature: { properties: { note: 'b' } } });
  });

  it('a resolution the store refuses (stale) settles nothing: the conflict stays', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const [, b] = await both(server,
      (a) => a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a'),
      (b) => b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'b' }), 'b'));
    const [conflict] = await b.source.list();
    const stale = { ...conflict!, theirs: conflict!.theirs.map((t) => ({ ...t, revision: 1 })) };
    await expect(b.source.resolve(stale, 'mine')).rejects.toMatchObject({ code: 'stale_revision' });
    expect(await b.source.list()).toHaveLength(1);
    expect(await b.store.sync.outbox(10)).toEqual([]);
  });

  it('a refused edit is listed with the server\'s code and message; dismissing it puts the record back to the server\'s version', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const b = await device(server, 'b');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'not allowed' }), 'b');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T2', { note: 'not allowed either' }), 'b');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T2', { measure: 'engineering' }), 'b');
    const [first, second] = await b.store.sync.outbox(10);
    await b.store.sync.recordPushOutcomes([
      { clientEditId: first!.clientEditId, status: 'refused', code: 'forbidden', message: 'a planner may not edit treated polygons' },
    ]);
    await b.store.sync.recordPushOutcomes([
      { clientEditId: second!.clientEditId, status: 'refused', code: 'forbidden', message: 'a planner may not edit treated polygons' },
    ]);
    expect(await b.source.refused()).toEqual([
      { clientEditId: first!.clientEditId, edit: first!.edit, code: 'forbidden', message: 'a planner may not edit treated polygons', at: '2025-11-20T02:00:00.000Z' },
      { clientEditId: second!.clientEditId, edit: second!.edit, code: 'forbidden', message: 'a planner may not edit treated polygons', at: '2025-11-20T02:00:00.000Z' },
    ].sort((x, y) => (x.clientEditId < y.clientEditId ? -1 : 1)));
    expect(await b.source.list()).toEqual([]);
    await b.source.dismiss(first!.clientEditId);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 1, feature: { properties: { note: '' } } });
    // A later edit of mine still waits for T-T2: it is not overwritten.
    await b.source.dismiss(second!.clientEditId);
    expect(record(b, 'T-T2')).toMatchObject({ revision: 3, feature: { properties: { note: 'not allowed either', measure: 'engineering' } } });
    expect(await b.source.refused()).toEqual([]);
    expect(b.store.getSnapshot().sync).toMatchObject({ refused: 0, waiting: 1 });
  });
  it('a refused edit whose slot changed on the server while it waited (the pull passed over it): dismissing it leaves the device equal to the server', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    server.readOnly.add('user-b');
    await b.store.transact(changeTreatedAttributes(b.store.getSnapshot(), 'T-T1', { note: 'not allowed' }), 'b');
    await a.store.transact(changeTreatedAttributes(a.store.getSnapshot(), 'T-T1', { note: 'a' }), 'a');
    await a.engine.poke();
    // A pull while b's edit waited passed over T-T1; the cursor moved beyond a's change.
    await b.store.sync.applyPulledPage(server.log, server.log.length);
    await b.engine.poke();
    expect(b.store.getSnapshot().sync).toMatchObject({ refused: 1 });
    expect(record(b, 'T-T1')).toMatchObject({ feature: { properties: { note: 'not allowed' } } });
    const [refused] = await b.source.refused();
    await b.source.dismiss(refused!.clientEditId);
    expect(record(b, 'T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'a' } } });
    await converge(server, a, b);
  });
});
