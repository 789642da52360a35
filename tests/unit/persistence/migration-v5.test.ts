// Version 4 → 5 (sync): a programme kept under version 4 keeps everything, is not linked to a
// server (so its edits need no outbox), its undo history still works, and once linked its edits
// enter the outbox. The version-4 database is written here by hand with raw IndexedDB, exactly
// as that version laid it out.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { changeTreatedAttributes } from '../../../src/store/edits-from-snapshot.ts';
import { programmeFingerprint } from '../../../src/store/seed-fingerprint.ts';
import { NOW, fieldProgramme, testDatabase, treatedFeature } from '../../helpers/field-store.ts';
import { createOldLayout, idbRequest as request } from '../../helpers/old-field-database.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function writeVersion4(factory: IDBFactory, name: string): Promise<void> {
  const seed = fieldProgramme();
  const opening = factory.open(name, 4);
  opening.onupgradeneeded = () => createOldLayout(opening.result, 4);
  const db = await request(opening);
  const t = db.transaction(['meta', 'programme', 'townships', 'mines', 'parcels', 'zones', 'treated', 'journal', 'undo'], 'readwrite');
  const { treated, townships, mines, parcels, zones, ...header } = seed;
  t.objectStore('meta').put({
    programmeId: seed.id, seedsApplied: [programmeFingerprint(seed)], seededAt: NOW.toISOString(), clock: 4, lastSeq: 1, lastStep: 1, lastExportedSeq: 0, lastExportedAt: null, restoredAt: null,
  }, 'field');
  t.objectStore('programme').put(header, 'header');
  for (const x of townships) t.objectStore('townships').put(x);
  for (const x of mines) t.objectStore('mines').put(x);
  for (const x of parcels.features) t.objectStore('parcels').put(x);
  for (const x of zones.features) t.objectStore('zones').put(x);
  for (const f of treated.features) t.objectStore('treated').put({ id: f.properties.id, revision: 1, feature: f });
  // One edit made under version 4: T-T1's note, undoable.
  const edited = treatedFeature('T-T1', { note: 'v4 note' });
  t.objectStore('treated').put({ id: 'T-T1', revision: 2, feature: edited });
  t.objectStore('journal').put({ seq: 1, at: NOW.toISOString(), who: '赵军', action: 'edit', edit: { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1, attributes: { note: 'v4 note' } } });
  t.objectStore('undo').put({ step: 1, seq: 1, edit: { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 2, attributes: { note: '' } } });
  await new Promise((resolve) => (t.oncomplete = resolve));
  db.close();
}

describe('schema version 5 (sync)', () => {
  it('keeps a version-4 programme and its history, unlinked; once linked, edits enter the outbox', async () => {
    const database = testDatabase();
    await writeVersion4(database.factory, database.dbName);
    const store = await database.open();
    open.push(store);
    const snapshot = store.getSnapshot();
    expect(snapshot.clock).toBe(4);
    expect(snapshot.treated.get('T-T1')).toMatchObject({ revision: 2, feature: { properties: { note: 'v4 note' } } });
    expect(snapshot.sync).toBeNull();
    expect(await store.sync.link()).toBeNull();

    await store.undo('赵军');
    expect(store.getSnapshot().treated.get('T-T1')).toMatchObject({ revision: 3, feature: { properties: { note: '' } } });
    expect(await store.sync.outbox(10)).toEqual([]);

    await store.sync.linkTo({ serverUrl: 'https://fulv.test', serverProgrammeId: 'TEST', cursor: 0 });
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T2', { note: 'linked' }), '赵军');
    expect((await store.sync.outbox(10)).map((e) => e.edit)).toEqual([expect.objectContaining({ kind: 'update-treated-attributes', id: 'T-T2' })]);
    expect(store.getSnapshot().sync).toMatchObject({ waiting: 1 });
  });
});
