// Acceptance through the field store's one write path: each step is journaled with who and when,
// undoable, refused when based on a stale view, and accepted work is frozen — a later change to
// it reopens the parcel in the same transaction.
import { afterEach, describe, expect, it } from 'vitest';
import type { Programme } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { changeTreatedAttributes, createTreated, deleteTreated, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import { mineReviewStep, parcelStatusNow, reviewStep } from '../../../src/store/review-edits.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';
import { NOW, SQUARE_3, fieldProgramme, snapshotWhere, testDatabase, treatedFeature } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);
const P = 'T-M1-P1';
const review = (store: FieldStore, id = P) => store.getSnapshot().reviews.get(id)?.review ?? null;

/** The test programme with the first parcel's work finished (status treated) or already accepted. */
function programmeWith(status: 'treated' | 'accepted'): Programme {
  const base = fieldProgramme();
  return deepFreeze({
    ...base,
    parcels: { ...base.parcels, features: base.parcels.features.map((f) => (f.properties.id === P ? { ...f, properties: { ...f.properties, status } } : f)) },
  });
}

async function accepted(): Promise<FieldStore> {
  const store = track(await testDatabase(programmeWith('treated')).open());
  await store.transact(reviewStep(store.getSnapshot(), P, 'accept', '王审', '资料齐全，现场核实', NOW), '王审');
  return store;
}

describe('acceptance steps', () => {
  it('accepts a parcel with who, when and why, freezing its treated polygons, and journals it', async () => {
    const store = await accepted();
    const record = review(store)!;
    expect(record.status).toBe('accepted');
    expect(record.events).toEqual([expect.objectContaining({ action: 'accept', status: 'accepted', who: '王审', note: '资料齐全，现场核实', at: NOW.toISOString() })]);
    expect(record.events[0]!.accepted!.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('accepted');
    const [entry] = await store.journal();
    expect(entry).toMatchObject({ action: 'edit', who: '王审', edit: { kind: 'review-parcel', parcelId: P } });
  });

  it('undoes and redoes a decision', async () => {
    const store = await accepted();
    await store.undo('王审');
    expect(review(store)).toBeNull();
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('treated');
    await store.redo('王审');
    expect(review(store)!.status).toBe('accepted');
  });

  it('sends work back only with a note, and keeps every step', async () => {
    const store = await accepted();
    await expect(store.transact(reviewStep(store.getSnapshot(), P, 'send_back', '王审', '  ', NOW), '王审')).rejects.toMatchObject({ code: 'invalid_edit', message: expect.stringMatching(/needs a note/) });
    await store.transact(reviewStep(store.getSnapshot(), P, 'send_back', '王审', '边坡未覆土', NOW), '王审');
    await store.transact(reviewStep(store.getSnapshot(), P, 'submit', '赵军', '已补种', NOW), '赵军');
    expect(review(store)!.events.map((e) => `${e.action}:${e.status}`)).toEqual(['accept:accepted', 'send_back:rejected', 'submit:treated']);
  });

  it('refuses a step the flow does not allow', async () => {
    const store = await accepted();
    await expect(store.transact(reviewStep(store.getSnapshot(), P, 'submit', '赵军', '', NOW), '赵军')).rejects.toMatchObject({ code: 'invalid_edit', message: expect.stringMatching(/submit cannot follow status accepted/) });
  });

  it('refuses a record that rewrites the history', async () => {
    const store = await accepted();
    const edit = reviewStep(store.getSnapshot(), P, 'close', '王审', '', NOW);
    const rewritten = { ...edit, review: { ...edit.review!, events: [{ ...edit.review!.events[0]!, who: '别人' }, edit.review!.events[1]!] } };
    await expect(store.transact(rewritten, '王审')).rejects.toMatchObject({ code: 'invalid_edit', message: expect.stringMatching(/kept as they were/) });
  });

  it('refuses a decision based on a view another tab has changed', async () => {
    const database = testDatabase(programmeWith('treated'));
    const first = track(await database.open());
    const second = track(await database.open());
    const stale = second.getSnapshot();
    await first.transact(reviewStep(first.getSnapshot(), P, 'send_back', '王审', '缺照片', NOW), '王审');
    await expect(second.transact(reviewStep(stale, P, 'accept', '李审', '', NOW), '李审')).rejects.toMatchObject({ code: 'stale_revision' });
    await snapshotWhere(second, (s) => s.reviews.get(P)?.review?.status === 'rejected');
  });

  it('accepts every finished parcel of a mine as one undoable step', async () => {
    const store = track(await testDatabase(programmeWith('treated')).open());
    const edit = mineReviewStep(store.getSnapshot(), 'T-M1', 'accept', '王审', '', NOW)!;
    expect(edit.edits).toHaveLength(1);
    await store.transact(edit, '王审');
    expect(review(store)!.status).toBe('accepted');
    expect(mineReviewStep(store.getSnapshot(), 'T-M2', 'accept', '王审', '', NOW)).toBeNull();
  });
});

describe('accepted work is frozen', () => {
  it('reshaping an accepted polygon reopens the parcel in the same step, and undo puts both back', async () => {
    const store = await accepted();
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    const record = review(store)!;
    expect(record.status).toBe('treated');
    expect(record.events.at(-1)).toMatchObject({ action: 'reopen', status: 'treated', who: '赵军', treated_id: 'T-T1', change: 'reshaped' });
    // The accepted version is kept as it was.
    expect(record.events[0]!.accepted![0]!.geometry).not.toEqual(SQUARE_3);
    expect((await store.journal(1))[0]!.edit.kind).toBe('update-treated-geometry');

    await store.undo('赵军');
    expect(review(store)!.status).toBe('accepted');
    expect(store.getSnapshot().treated.get('T-T1')!.feature!.geometry).not.toEqual(SQUARE_3);
    await store.redo('赵军');
    expect(review(store)!.status).toBe('treated');
    expect(store.getSnapshot().treated.get('T-T1')!.feature!.geometry).toEqual(SQUARE_3);
  });

  it('a new or deleted polygon of the parcel reopens it; a corrected note does not', async () => {
    const store = await accepted();
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '错别字更正' }), '赵军');
    expect(review(store)!.status).toBe('accepted');
    await store.transact(deleteTreated(store.getSnapshot(), 'T-T2'), '赵军');
    expect(review(store)!.events.at(-1)).toMatchObject({ action: 'reopen', treated_id: 'T-T2', change: 'deleted' });

    const again = await accepted();
    await again.transact(createTreated(again.getSnapshot(), treatedFeature('T-T9', {}, SQUARE_3)), '赵军');
    expect(review(again)!.events.at(-1)).toMatchObject({ action: 'reopen', treated_id: 'T-T9', change: 'created' });
  });

  it('reopens a parcel the programme records as accepted, though Fulv never saw its acceptance', async () => {
    const store = track(await testDatabase(programmeWith('accepted')).open());
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    expect(review(store)).toMatchObject({ status: 'treated', events: [{ action: 'reopen', change: 'reshaped' }] });
  });

  it('does not touch parcels that are not accepted', async () => {
    const store = track(await testDatabase(programmeWith('treated')).open());
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    expect(review(store)).toBeNull();
  });
});
