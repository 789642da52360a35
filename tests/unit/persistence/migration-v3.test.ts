// Version 2 → 3 (review): a database written by version 2 keeps its treated polygons, photos,
// journal and undo history, and gains empty acceptance and target stores. The version-2 database
// is written here by hand with raw IndexedDB, exactly as that version laid it out.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { programmeFingerprint } from '../../../src/store/seed-fingerprint.ts';
import { reviewStep } from '../../../src/store/review-edits.ts';
import { NOW, fieldProgramme, testDatabase, treatedFeature } from '../../helpers/field-store.ts';
import { createOldLayout, idbRequest as request } from '../../helpers/old-field-database.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function writeVersion2(factory: IDBFactory, name: string): Promise<void> {
  const programme = fieldProgramme();
  const opening = factory.open(name, 2);
  opening.onupgradeneeded = () => createOldLayout(opening.result, 2);
  const db = await request(opening);
  const stores = ['meta', 'programme', 'townships', 'mines', 'parcels', 'zones', 'treated', 'journal', 'undo'];
  const t = db.transaction(stores, 'readwrite');
  const { treated: _treated, townships, mines, parcels, zones, ...header } = programme;
  t.objectStore('meta').put({
    programmeId: programme.id, seedsApplied: [programmeFingerprint(programme)], seededAt: NOW.toISOString(), clock: 7, lastSeq: 1, lastStep: 1, lastExportedSeq: 0, lastExportedAt: null, restoredAt: null,
  }, 'field');
  t.objectStore('programme').put(header, 'header');
  for (const x of townships) t.objectStore('townships').put(x);
  for (const x of mines) t.objectStore('mines').put(x);
  for (const x of parcels.features) t.objectStore('parcels').put(x);
  for (const x of zones.features) t.objectStore('zones').put(x);
  const edited = treatedFeature('T-T1', { note: 'v2 edit' });
  t.objectStore('treated').put({ id: 'T-T1', revision: 2, feature: edited });
  t.objectStore('treated').put({ id: 'T-T2', revision: 1, feature: programme.treated.features[1] });
  const edit = { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1, attributes: { note: 'v2 edit' } };
  t.objectStore('journal').put({ seq: 1, at: NOW.toISOString(), who: '赵军', action: 'edit', edit });
  t.objectStore('undo').put({ step: 1, seq: 1, edit: { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 2, attributes: { note: '' } } });
  await new Promise((resolve) => (t.oncomplete = resolve));
  db.close();
}

describe('schema version 3 (review)', () => {
  it('upgrades a version-2 database, keeping edits, journal and undo, and then stores acceptance steps', async () => {
    const database = testDatabase();
    await writeVersion2(database.factory, database.dbName);
    const store = await database.open();
    open.push(store);
    const snapshot = store.getSnapshot();
    expect(snapshot.treated.get('T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'v2 edit' } } });
    expect(snapshot).toMatchObject({ canUndo: true, clock: 7 });
    expect(snapshot.reviews.size).toBe(0);
    expect(snapshot.programme.targets).toEqual(fieldProgramme().targets);

    await store.transact(reviewStep(snapshot, 'T-M1-P1', 'submit', '赵军', '完工', NOW), '赵军');
    expect(store.getSnapshot().reviews.get('T-M1-P1')!.review!.status).toBe('treated');
    await store.undo('赵军');
    await store.undo('赵军');
    expect(store.getSnapshot().treated.get('T-T1')!.feature!.properties.note).toBe('');
  });
});
