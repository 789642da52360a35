// The surveyor's hand-over: "治理完成，提交验收" recorded under the surveyor's name and role, through
// the one write path; a surveyor may only submit. Photos filed as before/after keep their slot.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import type { ReviewParcel } from '../../../src/store/edit.ts';
import { parcelStatusNow, reviewStep, surveyorSubmit } from '../../../src/store/review-edits.ts';
import { NOW, image, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const opened = async (): Promise<FieldStore> => {
  const store = await testDatabase().open();
  open.push(store);
  return store;
};
const P = 'T-M1-P1';

describe('a surveyor submits finished work for acceptance', () => {
  it('moves the parcel to awaiting acceptance with the surveyor’s name and role in its history, journaled and undoable', async () => {
    const store = await opened();
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('in_progress');
    await store.transact(surveyorSubmit(store.getSnapshot(), P, '张工', '', NOW)!, '张工');
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('treated');
    expect(store.getSnapshot().reviews.get(P)!.review!.events).toEqual([
      { action: 'submit', status: 'treated', at: NOW.toISOString(), who: '张工', role: 'surveyor', note: '' },
    ]);
    const [entry] = await store.journal(1);
    expect(entry).toMatchObject({ who: '张工', edit: { kind: 'review-parcel', parcelId: P } });
    // The reviewer then decides, recorded as a reviewer.
    await store.transact(reviewStep(store.getSnapshot(), P, 'accept', '王审', '', NOW), '王审');
    expect(store.getSnapshot().reviews.get(P)!.review!.events[1]).toMatchObject({ action: 'accept', who: '王审', role: 'reviewer' });
    await store.undo('王审');
    await store.undo('张工');
    expect(parcelStatusNow(store.getSnapshot(), P)).toBe('in_progress');
  });

  it('builds no hand-over for a parcel that is not in progress or sent back, nor for an unknown one', async () => {
    const store = await opened();
    expect(surveyorSubmit(store.getSnapshot(), 'T-M2-P1', '张工', '', NOW)).toBeNull();
    expect(surveyorSubmit(store.getSnapshot(), 'NOPE', '张工', '', NOW)).toBeNull();
    await store.transact(surveyorSubmit(store.getSnapshot(), P, '张工', '', NOW)!, '张工');
    expect(surveyorSubmit(store.getSnapshot(), P, '张工', '', NOW)).toBeNull();
  });

  it('refuses a decision recorded as a surveyor’s, or an unknown role, and stores nothing', async () => {
    const store = await opened();
    await store.transact(surveyorSubmit(store.getSnapshot(), P, '张工', '', NOW)!, '张工');
    const accept = reviewStep(store.getSnapshot(), P, 'accept', '张工', '', NOW, 'surveyor');
    await expect(store.transact(accept, '张工')).rejects.toMatchObject({ code: 'invalid_edit', message: expect.stringMatching(/a surveyor may not accept/) });
    const unknown = reviewStep(store.getSnapshot(), P, 'accept', '张工', '', NOW) as ReviewParcel;
    const events = unknown.review!.events.map((e, i, all) => (i === all.length - 1 ? { ...e, role: 'boss' } : e));
    await expect(store.transact({ ...unknown, review: { ...unknown.review!, events } as never }, '张工')).rejects.toMatchObject({ message: expect.stringMatching(/role "boss" is not one of/) });
    expect(store.getSnapshot().reviews.get(P)!.review!.events).toHaveLength(1);
  });
});

describe('before and after photo slots', () => {
  it('keeps the slot a photo is filed under, leaves a photo without one free, and refuses an unknown slot', async () => {
    const store = await opened();
    const before = await store.addPhoto('T-T1', image(100), { slot: 'before', takenAt: new Date('2025-05-01T02:00:00Z') }, '张工');
    const free = await store.addPhoto('T-T1', image(100), {}, '张工');
    expect(before.slot).toBe('before');
    expect('slot' in free).toBe(false);
    expect(store.getSnapshot().photosByFeature.get('T-T1')!.map((p) => p.slot ?? 'free')).toEqual(['before', 'free']);
    await expect(store.addPhoto('T-T1', image(100), { slot: 'during' as never }, '张工')).rejects.toMatchObject({ code: 'invalid_edit', message: expect.stringMatching(/photo slot "during"/) });
    expect(store.getSnapshot().photosByFeature.get('T-T1')).toHaveLength(2);
  });
});

describe('the hand-over and photo slots in a backup', () => {
  it('come back from a backup as they were: the surveyor’s role and the photo slots', async () => {
    const store = await opened();
    await store.transact(surveyorSubmit(store.getSnapshot(), P, '张工', '完工', NOW)!, '张工');
    await store.addPhoto('T-T1', image(100), { slot: 'after' }, '张工');
    const bytes = (await store.exportBackup()).bytes;
    const other = await opened();
    await other.restoreBackup(bytes);
    expect(other.getSnapshot().reviews.get(P)!.review!.events[0]).toMatchObject({ who: '张工', role: 'surveyor', action: 'submit' });
    expect(other.getSnapshot().photosByFeature.get('T-T1')!.map((p) => p.slot)).toEqual(['after']);
  });
});
