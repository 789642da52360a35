// Storage full: the browser refuses a write with QuotaExceededError. The failed change must
// leave nothing behind (the transaction is atomic), the error must say so, and the store must
// keep working once space is free.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { toFieldStoreError } from '../../../src/persistence/field-store-error.ts';
import { changeTreatedAttributes } from '../../../src/store/edits-from-snapshot.ts';
import { image, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Makes put() on the named store throw as a full disk would, until restored. */
function fillStorage(storeName: string): void {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('storage full', () => {
  it('fails the whole edit when the journal cannot be written, and leaves the database unchanged', async () => {
    const database = testDatabase();
    const store = await database.open();
    open.push(store);
    const before = store.getSnapshot();
    // The polygon is written before the journal entry in the same transaction: it must be rolled back.
    fillStorage('journal');
    const refused = store.transact(changeTreatedAttributes(before, 'T-T1', { note: 'lost?' }), '赵军');
    await expect(refused).rejects.toMatchObject({ name: 'FieldStoreError', code: 'quota_exceeded' });
    await expect(refused).rejects.toThrow(/Storage is full.*Nothing of it was written; everything saved earlier is intact/);
    vi.restoreAllMocks();

    expect(store.getSnapshot()).toBe(before);
    const reopened = await database.open();
    open.push(reopened);
    const after = reopened.getSnapshot();
    expect(after.treated.get('T-T1')).toEqual(before.treated.get('T-T1'));
    expect(after).toMatchObject({ clock: before.clock, canUndo: false, unexportedCount: 0 });
    expect(await reopened.journal()).toEqual([]);

    await store.transact(changeTreatedAttributes(before, 'T-T1', { note: 'saved' }), '赵军');
    expect(store.getSnapshot().treated.get('T-T1')).toMatchObject({ revision: 2 });
  });

  it('attaches no photo when its image does not fit', async () => {
    const store = await testDatabase().open();
    open.push(store);
    fillStorage('photo_blobs');
    await expect(store.addPhoto('T-T1', image(2000), {}, '赵军')).rejects.toMatchObject({ code: 'quota_exceeded' });
    vi.restoreAllMocks();
    expect(store.getSnapshot().photoRecords.size).toBe(0);
    expect(await store.journal()).toEqual([]);
  });

  it('recognises storage-full however the browser reports it', () => {
    expect(toFieldStoreError(new DOMException('x', 'QuotaExceededError'), 'this edit').code).toBe('quota_exceeded');
    expect(toFieldStoreError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'this edit').code).toBe('quota_exceeded');
    const other = toFieldStoreError(new DOMException('boom', 'UnknownError'), 'this edit');
    expect(other).toMatchObject({ code: 'transaction_failed', message: 'Could not save this edit (UnknownError: boom). Nothing of it was written.' });
  });
});
