// Two tabs (two connections to one database, as two pages of one profile have) see each
// other's edits without a reload, concurrent edits to different polygons both survive, and an
// edit based on a stale view of a polygon is refused instead of overwriting.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { changeTreatedAttributes, createTreated, deleteTreated, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import { SQUARE_3, snapshotWhere, testDatabase, treatedFeature } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function twoTabs(): Promise<[FieldStore, FieldStore]> {
  const database = testDatabase();
  const a = await database.open();
  const b = await database.open();
  open.push(a, b);
  return [a, b];
}
const note = (store: FieldStore, id: string): string | undefined => store.getSnapshot().treated.get(id)?.feature?.properties.note;

describe('two tabs on one database', () => {
  it('a second tab sees an edit without reloading', async () => {
    const [a, b] = await twoTabs();
    await a.transact(createTreated(a.getSnapshot(), treatedFeature('T-T3', { note: 'from A' }, SQUARE_3)), '赵军');
    const seen = await snapshotWhere(b, (s) => s.treated.has('T-T3'));
    expect(seen.programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2', 'T-T3']);
    expect(seen).toMatchObject({ canUndo: true, unexportedCount: 1 });
  });

  it('keeps both of two concurrent edits to different polygons', async () => {
    const [a, b] = await twoTabs();
    await Promise.all([
      a.transact(changeTreatedAttributes(a.getSnapshot(), 'T-T1', { note: 'A' }), '赵军'),
      b.transact(changeTreatedAttributes(b.getSnapshot(), 'T-T2', { note: 'B' }), '孙丽'),
    ]);
    for (const tab of [a, b]) {
      await snapshotWhere(tab, (s) => s.treated.get('T-T1')!.revision === 2 && s.treated.get('T-T2')!.revision === 2);
      expect([note(tab, 'T-T1'), note(tab, 'T-T2')]).toEqual(['A', 'B']);
    }
    expect((await a.journal()).map((e) => e.who).sort()).toEqual(['孙丽', '赵军']);
  });

  it('keeps many interleaved edits from both tabs', async () => {
    const [a, b] = await twoTabs();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      writes.push(a.transact(createTreated(a.getSnapshot(), treatedFeature(`A-${i}`, {}, SQUARE_3)), '赵军'));
      writes.push(b.transact(createTreated(b.getSnapshot(), treatedFeature(`B-${i}`, {}, SQUARE_3)), '孙丽'));
    }
    await Promise.all(writes);
    for (const tab of [a, b]) {
      const seen = await snapshotWhere(tab, (s) => s.programme.treated.features.length === 22);
      expect(seen.history.undo).toBe(20);
    }
  });

  it('refuses an edit based on a stale revision of the same polygon, keeping the first one', async () => {
    const [a, b] = await twoTabs();
    const staleView = b.getSnapshot();
    await a.transact(reshapeTreated(a.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    const late = b.transact(changeTreatedAttributes(staleView, 'T-T1', { note: 'B, unaware' }), '孙丽');
    await expect(late).rejects.toMatchObject({
      code: 'stale_revision',
      message: expect.stringMatching(/treated polygon T-T1 was changed elsewhere .* revision 2, the edit was based on revision 1/),
    });
    const seen = await snapshotWhere(b, (s) => s.treated.get('T-T1')!.revision === 2);
    expect(seen.treated.get('T-T1')!.feature!.geometry).toEqual(SQUARE_3);
    expect(note(b, 'T-T1')).toBe('');
    // Edited again on the current version, it goes through.
    await b.transact(changeTreatedAttributes(b.getSnapshot(), 'T-T1', { note: 'B, informed' }), '孙丽');
    await snapshotWhere(a, (s) => s.treated.get('T-T1')!.revision === 3);
    expect(a.getSnapshot().treated.get('T-T1')!.feature!.geometry).toEqual(SQUARE_3);
  });

  it('refuses editing a polygon another tab deleted', async () => {
    const [a, b] = await twoTabs();
    const staleView = b.getSnapshot();
    await a.transact(deleteTreated(a.getSnapshot(), 'T-T2'), '赵军');
    await expect(b.transact(changeTreatedAttributes(staleView, 'T-T2', { note: 'x' }), '孙丽')).rejects.toMatchObject({ code: 'stale_revision' });
    await snapshotWhere(b, (s) => !s.programme.treated.features.some((f) => f.properties.id === 'T-T2'));
  });
});
