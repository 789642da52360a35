// Acceptance records and edited targets (years and periods) travel in backups (reviews.json,
// targets.json): a restore brings them back exactly, an older backup without them restores with none, and a
// damaged acceptance record is refused like any other damaged part, changing nothing.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Programme, Target } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { reviewStep, setTargets } from '../../../src/store/review-edits.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';
import { NOW, fieldProgramme, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);
const P = 'T-M1-P1';

function finished(): Programme {
  const base = fieldProgramme();
  return deepFreeze({ ...base, parcels: { ...base.parcels, features: base.parcels.features.map((f) => (f.properties.id === P ? { ...f, properties: { ...f.properties, status: 'treated' as const } } : f)) } });
}

/** A year and a period (seed 002's kind of target). */
const EDITED_ROWS: Target[] = deepFreeze([
  { township_id: 'T-TS1', category_group: 'producing', year: 2025, target_mu: 99 },
  { township_id: 'T-TS1', category_group: 'closed_and_abandoned', year: 2026, to_year: 2027, target_mu: 85.5 },
]);

async function reviewedBackup(): Promise<Uint8Array> {
  const store = track(await testDatabase(finished()).open());
  await store.transact(reviewStep(store.getSnapshot(), P, 'accept', '王审', '合格', NOW), '王审');
  await store.transact(setTargets(store.getSnapshot(), { ...store.getSnapshot().programme.targets, rows: EDITED_ROWS }), '王审');
  return (await store.exportBackup()).bytes;
}

function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files: Record<string, Uint8Array> = { ...unzipSync(bytes) };
  change(files);
  return zipSync(files as Zippable);
}

describe('acceptance and targets in backups', () => {
  it('restores acceptance records and edited targets into another database', async () => {
    const bytes = await reviewedBackup();
    const other = track(await testDatabase(finished()).open());
    await other.restoreBackup(bytes);
    const snapshot = other.getSnapshot();
    expect(snapshot.reviews.get(P)!.review).toMatchObject({ status: 'accepted', events: [{ action: 'accept', who: '王审', note: '合格' }] });
    expect(snapshot.programme.targets.rows).toEqual(EDITED_ROWS);
  });

  it('restores an older backup, made before acceptance existed, with no acceptance records and the programme’s targets', async () => {
    const bytes = rezip(await reviewedBackup(), (files) => {
      delete files['reviews.json'];
      delete files['targets.json'];
      // Its journal would hold no acceptance steps either.
      files['journal.json'] = strToU8('[]');
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { counts: { journal: number } };
      manifest.counts.journal = 0;
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    const store = track(await testDatabase(finished()).open());
    await store.transact(reviewStep(store.getSnapshot(), P, 'send_back', '李审', '缺照片', NOW), '李审');
    await store.restoreBackup(bytes);
    expect(store.getSnapshot().reviews.size).toBe(0);
    expect(store.getSnapshot().programme.targets).toEqual(fieldProgramme().targets);
  });

  it('refuses a backup whose acceptance record is damaged, and changes nothing', async () => {
    const bytes = rezip(await reviewedBackup(), (files) => {
      const reviews = JSON.parse(strFromU8(files['reviews.json']!)) as { review: { events: { who: string }[] } }[];
      reviews[0]!.review.events[0]!.who = '';
      files['reviews.json'] = strToU8(JSON.stringify(reviews));
    });
    const store = track(await testDatabase(finished()).open());
    await expect(store.restoreBackup(bytes)).rejects.toMatchObject({ code: 'backup_refused', message: expect.stringMatching(/acceptance record of parcel T-M1-P1: step 1: the reviewer's name is missing/) });
    expect(store.getSnapshot().reviews.size).toBe(0);
  });
});
