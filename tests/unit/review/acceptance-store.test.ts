// Acceptance through the field store's one write path: each step is journaled with who and when,
// undoable, refused when based on a stale view, and accepted work is frozen — a later change to
// it reopens the parcel in the same transaction.
import { afterEach, describe, expect, it } from 'vitest';
import type { ParcelStatus, Programme } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { changeTreatedAttributes, createTreated, deleteTreated, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import { mineReviewStep, parcelStatusNow, reviewStep } from '../../../src/store/review-edits.ts';
import { deepFreeze, rect } from '../../helpers/analysis-features.ts';
import { NOW, SQUARE_2, SQUARE_3, fieldProgramme, snapshotWhere, testDatabase, treatedFeature } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);
const P = 'T-M1-P1';
const review = (store: FieldStore, id = P) => store.getSnapshot().reviews.get(id)?.review ?? null;

/** The test programme with the first parcel's work finished (status treated) or already accepted. */
function programmeWith(status: 'treated' | 'accepted' | 'closed'): Programme {
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

});

/**
 * Mine T-M1 with three parcels: P1 and P2 finished (treated), each with its own treated polygons,
 * and P3 still in progress; mine T-M2's parcel is finished too but belongs to another mine.
 */
function mineProgramme(): Programme {
  const base = fieldProgramme([
    treatedFeature('T-T1'), treatedFeature('T-T2', {}, SQUARE_2),
    treatedFeature('T-T3', { parcel_id: 'T-M1-P2' }, rect(118.565, 40.10, 118.575, 40.11)),
    treatedFeature('T-T4', { parcel_id: 'T-M2-P1', mine_id: 'T-M2' }, rect(118.602, 40.092, 118.608, 40.098)),
  ]);
  const [p1, m2p1] = base.parcels.features;
  const parcel = (id: string, status: ParcelStatus, west: number) => ({ ...p1!, properties: { ...p1!.properties, id, status }, geometry: rect(west, 40.09, west + 0.02, 40.12) });
  return deepFreeze({
    ...base,
    parcels: { ...base.parcels, features: [
      { ...p1!, properties: { ...p1!.properties, status: 'treated' } },
      parcel('T-M1-P2', 'treated', 118.56),
      parcel('T-M1-P3', 'in_progress', 118.62),
      { ...m2p1!, properties: { ...m2p1!.properties, status: 'treated' } },
    ] },
  });
}

const statuses = (store: FieldStore) => ['T-M1-P1', 'T-M1-P2', 'T-M1-P3', 'T-M2-P1'].map((id) => parcelStatusNow(store.getSnapshot(), id));

describe('a whole mine in one step (一矿一档)', () => {
  it('accepts every finished parcel of the mine, each with its own history entry and frozen polygons, and no other', async () => {
    const store = track(await testDatabase(mineProgramme()).open());
    const edit = mineReviewStep(store.getSnapshot(), 'T-M1', 'accept', '王审', '整矿验收', NOW)!;
    await store.transact(edit, '王审');
    expect(statuses(store)).toEqual(['accepted', 'accepted', 'in_progress', 'treated']);
    for (const [id, polygons] of [['T-M1-P1', ['T-T1', 'T-T2']], ['T-M1-P2', ['T-T3']]] as const) {
      const record = review(store, id)!;
      expect(record.events).toEqual([expect.objectContaining({ action: 'accept', status: 'accepted', who: '王审', note: '整矿验收', at: NOW.toISOString() })]);
      expect(record.events[0]!.accepted!.map((f) => f.properties.id)).toEqual(polygons);
    }
    expect(review(store, 'T-M1-P3')).toBeNull();
    expect(review(store, 'T-M2-P1')).toBeNull();
    // One step in the journal, one undo.
    const journal = await store.journal();
    expect(journal).toHaveLength(1);
    expect(journal[0]!.edit).toMatchObject({ kind: 'batch', edits: [{ parcelId: 'T-M1-P1' }, { parcelId: 'T-M1-P2' }] });
  });

  it('sends the whole mine back with one note, a history entry per parcel', async () => {
    const store = track(await testDatabase(mineProgramme()).open());
    await store.transact(mineReviewStep(store.getSnapshot(), 'T-M1', 'accept', '王审', '', NOW)!, '王审');
    await store.transact(mineReviewStep(store.getSnapshot(), 'T-M1', 'send_back', '李审', '整矿边坡未覆土', NOW)!, '李审');
    expect(statuses(store)).toEqual(['rejected', 'rejected', 'in_progress', 'treated']);
    for (const id of ['T-M1-P1', 'T-M1-P2']) {
      expect(review(store, id)!.events.map((e) => `${e.action}:${e.status}:${e.who}:${e.note}`)).toEqual(['accept:accepted:王审:', 'send_back:rejected:李审:整矿边坡未覆土']);
    }
  });

  it('undoes and redoes a whole-mine step for every parcel at once', async () => {
    const store = track(await testDatabase(mineProgramme()).open());
    await store.transact(mineReviewStep(store.getSnapshot(), 'T-M1', 'accept', '王审', '', NOW)!, '王审');
    await store.transact(mineReviewStep(store.getSnapshot(), 'T-M1', 'send_back', '王审', '缺照片', NOW)!, '王审');
    await store.undo('王审');
    expect(statuses(store)).toEqual(['accepted', 'accepted', 'in_progress', 'treated']);
    expect(review(store, 'T-M1-P2')!.events.map((e) => e.action)).toEqual(['accept']);
    await store.undo('王审');
    expect(statuses(store)).toEqual(['treated', 'treated', 'in_progress', 'treated']);
    expect(['T-M1-P1', 'T-M1-P2'].map((id) => review(store, id))).toEqual([null, null]);
    await store.redo('王审');
    expect(statuses(store)).toEqual(['accepted', 'accepted', 'in_progress', 'treated']);
  });

  it('has nothing to do for a mine with no parcel the step applies to', async () => {
    const store = track(await testDatabase(mineProgramme()).open());
    expect(mineReviewStep(store.getSnapshot(), 'T-M1', 'close', '王审', '', NOW)).toBeNull();
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

  it('a closed (销号) parcel is frozen too: changing its work reopens it for a new acceptance', async () => {
    const store = await accepted();
    await store.transact(reviewStep(store.getSnapshot(), P, 'close', '王审', '一案一销', NOW), '王审');
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('closed');
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T2', { measure: 'engineering' }), '赵军');
    expect(review(store)!.events.map((e) => `${e.action}:${e.status}`)).toEqual(['accept:accepted', 'close:closed', 'reopen:treated']);
    expect(review(store)!.events.at(-1)).toMatchObject({ who: '赵军', treated_id: 'T-T2', change: 'attributes' });
    await store.undo('赵军');
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('closed');
  });

  it('reopens a parcel the programme records as closed, though Fulv never saw it closed', async () => {
    const store = track(await testDatabase(programmeWith('closed')).open());
    await store.transact(deleteTreated(store.getSnapshot(), 'T-T1'), '赵军');
    expect(review(store)).toMatchObject({ status: 'treated', events: [{ action: 'reopen', treated_id: 'T-T1', change: 'deleted' }] });
  });

  it('does not touch parcels that are not accepted', async () => {
    const store = track(await testDatabase(programmeWith('treated')).open());
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    expect(review(store)).toBeNull();
  });
});
