// A device's own edits coming back in a pull: a treated polygon is the device's value already and
// is left as it is; an acceptance step the server wrote itself (its clock, the account's name)
// replaces the device's record, so the device holds what the server holds.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../../src/persistence/field-store.ts';
import type { ParcelReview } from '../../../../src/domain/review.ts';
import { changeTreatedAttributes } from '../../../../src/store/edits-from-snapshot.ts';
import { surveyorSubmit } from '../../../../src/store/review-edits.ts';
import type { PulledChange } from '../../../../src/store/sync-protocol.ts';
import { testDatabase } from '../../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function pushedAndBack(store: FieldStore, layer: 'reviews' | 'treated', id: string, serverValue: unknown): Promise<void> {
  const [entry] = await store.sync.outbox(10);
  await store.sync.recordPushOutcomes([{ clientEditId: entry!.clientEditId, status: 'applied', seq: 8, revisions: [{ layer, id, revision: entry!.mine[0]!.revision }] }]);
  const link = await store.sync.link();
  const back: PulledChange = {
    seq: 8, layer, id, revision: entry!.mine[0]!.revision, value: serverValue, clientEditId: entry!.clientEditId, deviceId: link!.deviceId, who: 'li', at: '2025-11-20T02:00:09.000Z',
  };
  await store.sync.applyPulledPage([back], 8);
}

describe("a device's own edits pulled back", () => {
  it('takes the acceptance record as the server wrote it', async () => {
    const store = await testDatabase().open();
    open.push(store);
    await store.sync.linkTo({ serverUrl: 'https://fulv.test', serverProgrammeId: 'TEST', cursor: 7 });
    await store.transact(surveyorSubmit(store.getSnapshot(), 'T-M1-P1', '张工', '', new Date('2025-11-20T02:00:00Z'))!, '张工');
    const mine = store.getSnapshot().reviews.get('T-M1-P1')!.review!;
    const server: ParcelReview = { ...mine, events: mine.events.map((e) => ({ ...e, at: '2025-11-20T02:00:09.000Z', who: '张工（外业）' })) };
    await pushedAndBack(store, 'reviews', 'T-M1-P1', server);
    expect(store.getSnapshot().reviews.get('T-M1-P1')).toEqual({ id: 'T-M1-P1', revision: 1, review: server });
    expect(store.getSnapshot().sync).toMatchObject({ waiting: 0 });
  });

  it('leaves a treated polygon it made as it is', async () => {
    const store = await testDatabase().open();
    open.push(store);
    await store.sync.linkTo({ serverUrl: 'https://fulv.test', serverProgrammeId: 'TEST', cursor: 7 });
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '补植' }), '赵军');
    const held = store.getSnapshot().treated.get('T-T1')!;
    await pushedAndBack(store, 'treated', 'T-T1', { ...held.feature, properties: { ...held.feature!.properties, note: 'other' } });
    expect(store.getSnapshot().treated.get('T-T1')).toEqual(held);
  });
});
