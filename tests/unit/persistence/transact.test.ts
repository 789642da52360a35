// The one write path: an edit is applied, journaled and made undoable in one transaction, and
// the promise resolves only when it is committed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldStoreError } from '../../../src/persistence/field-store-error.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { changeTreatedAttributes, createTreated, deleteTreated, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import { BOW_TIE, SQUARE_3, testDatabase, treatedFeature } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function setup() {
  const database = testDatabase();
  const store = await database.open();
  open.push(store);
  return { database, store };
}

describe('transact', () => {
  it('starts from the seeded programme, every polygon at revision 1', async () => {
    const { store } = await setup();
    const snapshot = store.getSnapshot();
    expect(snapshot.programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
    expect([...snapshot.treated.values()].map((r) => r.revision)).toEqual([1, 1]);
    expect(snapshot.programme.parcels.features).toHaveLength(2);
    expect(snapshot.programme.targets.rows[0]!.target_mu).toBe(40);
    expect(snapshot).toMatchObject({ canUndo: false, canRedo: false, unexportedCount: 0 });
  });

  it('resolves only once the edit is committed: a new connection opened at that moment sees it', async () => {
    const { database, store } = await setup();
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '补植油松' }), '赵军');
    const other = await database.open();
    open.push(other);
    expect(other.getSnapshot().programme.treated.features[0]!.properties.note).toBe('补植油松');
  });

  // fake-indexeddb ignores durability: tests/e2e/saved-after-commit.e2e.ts checks it in Chromium.
  it('resolves after the transaction\'s complete event, and asks for strict durability', async () => {
    const { store } = await setup();
    const log: string[] = [];
    const original = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const transaction = original.apply(this, args);
      if (args[1] === 'readwrite') {
        log.push(`begin ${JSON.stringify(args[2])}`);
        transaction.addEventListener('complete', () => log.push('complete'));
      }
      return transaction;
    });
    try {
      await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'x' }), '赵军');
      log.push('resolved');
    } finally {
      spy.mockRestore();
    }
    expect(log).toEqual(['begin {"durability":"strict"}', 'complete', 'resolved']);
  });

  it('raises the revision of the edited polygon only', async () => {
    const { store } = await setup();
    const saved = await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    expect(saved.treated.map((r) => [r.id, r.revision])).toEqual([['T-T1', 2]]);
    const snapshot = store.getSnapshot();
    expect(snapshot.treated.get('T-T1')!.revision).toBe(2);
    expect(snapshot.treated.get('T-T2')!.revision).toBe(1);
    expect(snapshot.programme.treated.features[0]!.geometry).toEqual(SQUARE_3);
  });

  it('journals what, when and who', async () => {
    const { store } = await setup();
    const edit = deleteTreated(store.getSnapshot(), 'T-T2');
    await store.transact(edit, '孙丽');
    expect(await store.journal()).toEqual([{ seq: 1, at: '2025-11-20T02:00:00.000Z', who: '孙丽', action: 'edit', edit }]);
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, unexportedCount: 1 });
    expect(store.getSnapshot().programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1']);
  });

  it('creates a polygon, then tells subscribers once per change', async () => {
    const { store } = await setup();
    let calls = 0;
    store.subscribe(() => calls++);
    await store.transact(createTreated(store.getSnapshot(), treatedFeature('T-T3', {}, SQUARE_3)), '赵军');
    expect(calls).toBe(1);
    expect(store.getSnapshot().treated.get('T-T3')).toMatchObject({ revision: 1 });
  });

  it('refuses invalid attributes with the problems per field, writing nothing', async () => {
    const { store } = await setup();
    const before = store.getSnapshot();
    const refusal = store.transact(changeTreatedAttributes(before, 'T-T1', { date: '2026-01-01', surveyor: '' }), '赵军');
    await expect(refusal).rejects.toMatchObject({
      name: 'FieldStoreError',
      code: 'invalid_edit',
      problems: [expect.objectContaining({ field: 'date', code: 'future_date' }), expect.objectContaining({ field: 'surveyor', code: 'missing' })],
    });
    expect(store.getSnapshot()).toBe(before);
    expect(await store.journal()).toEqual([]);
  });

  it('refuses a self-intersecting polygon before opening a transaction', async () => {
    const { store } = await setup();
    const refusal = store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', BOW_TIE), '赵军');
    await expect(refusal).rejects.toThrow(/self-intersection at/);
    expect(store.getSnapshot().clock).toBe(1);
  });

  it('refuses to create a polygon with an id that exists', async () => {
    const { store } = await setup();
    const duplicate = { kind: 'create-treated' as const, baseRevision: 1, feature: treatedFeature('T-T1') };
    await expect(store.transact(duplicate, '赵军')).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('applies a batch (a split) atomically and undoes it as one step', async () => {
    const { store } = await setup();
    const snapshot = store.getSnapshot();
    await store.transact({
      kind: 'batch',
      label: 'split T-T1',
      edits: [deleteTreated(snapshot, 'T-T1'), createTreated(snapshot, treatedFeature('T-T1a')), createTreated(snapshot, treatedFeature('T-T1b', {}, SQUARE_3))],
    }, '赵军');
    expect(store.getSnapshot().programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1a', 'T-T1b', 'T-T2']);
    await store.undo('赵军');
    expect(store.getSnapshot().programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
  });

  it('writes nothing of a batch when one part is refused', async () => {
    const { store } = await setup();
    const snapshot = store.getSnapshot();
    const batch = { kind: 'batch' as const, label: 'x', edits: [deleteTreated(snapshot, 'T-T1'), { ...deleteTreated(snapshot, 'T-T2'), baseRevision: 7 }] };
    await expect(store.transact(batch, '赵军')).rejects.toMatchObject({ code: 'stale_revision' });
    expect(store.getSnapshot().programme.treated.features).toHaveLength(2);
  });

  it('keeps the snapshot object until something changes, as useSyncExternalStore requires', async () => {
    const { store } = await setup();
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    await store.transact(deleteTreated(first, 'T-T1'), '赵军');
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.programme.parcels).toBe(first.programme.parcels);
    unsubscribe();
    await store.undo('赵军');
    expect(calls).toBe(1);
  });

  it('rejects every call after close with a typed error', async () => {
    const { store } = await setup();
    await store.close();
    const late = store.transact(deleteTreated(store.getSnapshot(), 'T-T1'), '赵军');
    await expect(late).rejects.toBeInstanceOf(FieldStoreError);
    await expect(late).rejects.toMatchObject({ code: 'closed' });
  });
});
