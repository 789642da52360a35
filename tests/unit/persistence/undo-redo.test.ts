// Undo and redo are stored: they survive closing and reopening the database (a reload), and
// they go through the same write path (journal, revisions) as edits.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { MAX_UNDO_STEPS } from '../../../src/persistence/history-stacks.ts';
import { changeTreatedAttributes, deleteTreated, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import { SQUARE_1, SQUARE_3, snapshotWhere, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);
const note = (store: FieldStore, id = 'T-T1'): string => store.getSnapshot().treated.get(id)!.feature!.properties.note;

describe('undo and redo', () => {
  it('undo restores the previous state and redo re-applies, each journaled', async () => {
    const store = track(await testDatabase().open());
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'first' }), '赵军');
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'second' }), '赵军');
    await store.undo('赵军');
    expect(note(store)).toBe('first');
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: true, history: { undo: 1, redo: 1 } });
    await store.redo('孙丽');
    expect(note(store)).toBe('second');
    expect(store.getSnapshot().treated.get('T-T1')!.revision).toBe(5);
    expect((await store.journal()).map((e) => `${e.action} by ${e.who}`)).toEqual(['redo by 孙丽', 'undo by 赵军', 'edit by 赵军', 'edit by 赵军']);
  });

  it('survive a reload: close, reopen, undo, redo', async () => {
    const database = testDatabase();
    const first = await database.open();
    await first.transact(reshapeTreated(first.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    await first.transact(deleteTreated(first.getSnapshot(), 'T-T2'), '赵军');
    await first.close();

    const second = track(await database.open());
    expect(second.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false, history: { undo: 2, redo: 0 } });
    await second.undo('赵军');
    expect(second.getSnapshot().treated.get('T-T2')!.feature).not.toBeNull();
    await second.undo('赵军');
    expect(second.getSnapshot().treated.get('T-T1')!.feature!.geometry).toEqual(SQUARE_1);
    await second.close();

    const third = track(await database.open());
    expect(third.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true, history: { undo: 0, redo: 2 } });
    await third.redo('赵军');
    expect(third.getSnapshot().treated.get('T-T1')!.feature!.geometry).toEqual(SQUARE_3);
  });

  it('a new edit clears the redo history', async () => {
    const store = track(await testDatabase().open());
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'a' }), '赵军');
    await store.undo('赵军');
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T2', { note: 'b' }), '赵军');
    expect(store.getSnapshot()).toMatchObject({ canRedo: false });
    await expect(store.redo('赵军')).rejects.toMatchObject({ code: 'nothing_to_redo' });
  });

  it('keeps the newest steps up to the limit; older ones stay in the journal', async () => {
    const store = track(await testDatabase().open());
    for (let i = 0; i <= MAX_UNDO_STEPS; i++) {
      await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: String(i) }), '赵军');
    }
    expect(store.getSnapshot().history.undo).toBe(MAX_UNDO_STEPS);
    expect((await store.journal(1000)).length).toBe(MAX_UNDO_STEPS + 1);
    while (store.getSnapshot().canUndo) await store.undo('赵军');
    expect(note(store)).toBe('0');
  });

  it('says when there is nothing to undo', async () => {
    const store = track(await testDatabase().open());
    await expect(store.undo('赵军')).rejects.toMatchObject({ code: 'nothing_to_undo', message: 'There is nothing to undo.' });
  });

  it('undoes a chain of edits to one polygon step by step, and redoes it', async () => {
    const store = track(await testDatabase().open());
    for (const text of ['one', 'two', 'three']) {
      await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: text }), '赵军');
      await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T2', { note: text }), '赵军');
    }
    const seen: string[] = [];
    while (store.getSnapshot().canUndo) {
      await store.undo('赵军');
      seen.push(`${note(store)}/${note(store, 'T-T2')}`);
    }
    expect(seen).toEqual(['three/two', 'two/two', 'two/one', 'one/one', 'one/', '/']);
    while (store.getSnapshot().canRedo) await store.redo('赵军');
    expect(`${note(store)}/${note(store, 'T-T2')}`).toBe('three/three');
  });

  it('is one history per programme and device: a tab can undo an edit made in another', async () => {
    const database = testDatabase();
    const a = track(await database.open());
    const b = track(await database.open());
    await a.transact(changeTreatedAttributes(a.getSnapshot(), 'T-T1', { note: 'by A' }), '赵军');
    await snapshotWhere(b, (s) => s.canUndo);
    await b.undo('孙丽');
    expect(note(b)).toBe('');
    await snapshotWhere(a, (s) => s.canRedo);
    expect(note(a)).toBe('');
  });

  it('refuses a step made stale by a change outside the history, and drops it', async () => {
    const database = testDatabase();
    const store = track(await database.open());
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'by A' }), '赵军');
    // A write that bypasses the field store, as another app version or a manual repair would make.
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = database.factory.open(database.dbName);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const transaction = raw.transaction('treated', 'readwrite');
      const record = store.getSnapshot().treated.get('T-T1')!;
      transaction.objectStore('treated').put({ ...record, revision: 3, feature: { ...record.feature!, properties: { ...record.feature!.properties, note: 'repair' } } });
      transaction.oncomplete = () => resolve();
    });
    raw.close();
    const conflict = store.undo('赵军');
    await expect(conflict).rejects.toMatchObject({ code: 'history_conflict' });
    await expect(conflict).rejects.toThrow(/treated polygon T-T1 was changed elsewhere .* It was removed from the undo history/);
    expect(store.getSnapshot()).toMatchObject({ canUndo: false });
    await store.close();
    const reopened = track(await database.open());
    expect(note(reopened)).toBe('repair');
    expect(reopened.getSnapshot().canUndo).toBe(false);
  });
});
