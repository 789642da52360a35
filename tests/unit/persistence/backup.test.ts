// Backups: a count of edits not yet exported, one file holding edits, journal and photos, and
// a restore that checks everything first and refuses a broken or foreign file, changing nothing.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { openFieldStore } from '../../../src/persistence/field-store.ts';
import { BACKUP_FORMAT } from '../../../src/persistence/backup/backup-format.ts';
import { changeTreatedAttributes, createTreated, deleteTreated, importFeatures, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import type { FieldSnapshot } from '../../../src/store/field-snapshot.ts';
import { databaseRecords } from '../../helpers/database-records.ts';
import { BOW_TIE, fieldProgramme, image, now, SQUARE_3, snapshotWhere, testDatabase, treatedFeature, type TestDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);

/** A store with a day's work: an edit, a new polygon, a deletion and a photo. */
async function surveyedStore(database: TestDatabase = testDatabase()): Promise<FieldStore> {
  const store = track(await database.open());
  await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '覆土 30 cm' }), '赵军');
  await store.transact(createTreated(store.getSnapshot(), treatedFeature('T-T3', {}, SQUARE_3)), '赵军');
  await store.transact(deleteTreated(store.getSnapshot(), 'T-T2'), '孙丽');
  await store.addPhoto('T-T3', image(5000), { name: 'IMG_7.jpg', location: { lon: 118.545, lat: 40.105, accuracy_m: 8 } }, '赵军');
  return store;
}

/** The parts of a snapshot a backup must carry. */
function content(snapshot: FieldSnapshot) {
  return { treated: [...snapshot.treated.values()], photos: [...snapshot.photoRecords.values()] };
}

function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files: Record<string, Uint8Array> = { ...unzipSync(bytes) };
  change(files);
  return zipSync(files as Zippable);
}
const editJson = (files: Record<string, Uint8Array>, name: string, change: (value: never) => unknown): void => {
  files[name] = strToU8(JSON.stringify(change(JSON.parse(strFromU8(files[name]!)) as never)));
};

describe('edits not yet backed up', () => {
  it('counts journal entries since the last export', async () => {
    const store = await surveyedStore();
    expect(store.getSnapshot().unexportedCount).toBe(4);
    await store.exportBackup();
    expect(store.getSnapshot().unexportedCount).toBe(0);
    await store.undo('赵军');
    expect(store.getSnapshot().unexportedCount).toBe(1);
  });

  it('is shared with other tabs', async () => {
    const database = testDatabase();
    const a = track(await database.open());
    const b = track(await database.open());
    await a.transact(deleteTreated(a.getSnapshot(), 'T-T1'), '赵军');
    await snapshotWhere(b, (s) => s.unexportedCount === 1);
    await b.exportBackup();
    await snapshotWhere(a, (s) => s.unexportedCount === 0);
  });
});

describe('backup file', () => {
  it('is a zip named for the programme, with a manifest in the documented format', async () => {
    const store = await surveyedStore();
    const file = await store.exportBackup();
    expect(file.fileName).toMatch(/^fulv-backup-TEST-\d{8}-\d{4}\.zip$/);
    expect(file.mediaType).toBe('application/zip');
    const files = unzipSync(file.bytes);
    expect(Object.keys(files).sort()).toEqual(['images/' + [...store.getSnapshot().photoRecords.keys()][0] + '.jpg', 'journal.json', 'manifest.json', 'mines.json', 'parcels.json', 'photos.json', 'programme.json', 'reviews.json', 'targets.json', 'townships.json', 'treated.json', 'zones.json']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({
      format: BACKUP_FORMAT, version: 2, programme: { id: 'TEST', name: '测试方案' }, through_seq: 4,
      counts: { treated: 3, photos: 1, journal: 4, images: 1, townships: 1, mines: 2, parcels: 2, zones: 1 },
    });
  });

  it('restores into a fresh database: polygons, deletions, photos, journal', async () => {
    const store = await surveyedStore();
    const file = await store.exportBackup();
    const fresh = track(await testDatabase().open());
    const summary = await fresh.restoreBackup(file.bytes);
    expect(summary).toEqual({ treated: 3, photos: 1, journal: 4, seedAdded: 0 });
    expect(content(fresh.getSnapshot())).toEqual(content(store.getSnapshot()));
    expect(fresh.getSnapshot().programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T3']);
    expect(await fresh.journal()).toEqual(await store.journal());
    const photoId = [...fresh.getSnapshot().photoRecords.keys()][0]!;
    const restored = await fresh.photoImage(photoId);
    expect(restored!.type).toBe('image/jpeg');
    expect(new Uint8Array(await restored!.arrayBuffer())).toEqual(new Uint8Array(await image(5000).arrayBuffer()));
    expect(fresh.getSnapshot()).toMatchObject({ canUndo: false, canRedo: false, unexportedCount: 0 });
  });

  it('replaces edits made after the backup, and takes edits again afterwards', async () => {
    const store = await surveyedStore();
    const file = await store.exportBackup();
    const backedUp = content(store.getSnapshot());
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    await store.restoreBackup(new Blob([file.bytes]));
    expect(content(store.getSnapshot())).toEqual(backedUp);
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'after restore' }), '赵军');
    expect((await store.journal())[0]).toMatchObject({ seq: 6, action: 'edit' });
  });

  it('restores a version-1 backup (edits only), keeping the programme this device holds', async () => {
    const database = testDatabase();
    const store = await surveyedStore(database);
    const version1 = rezip((await store.exportBackup()).bytes, (f) => {
      for (const name of ['programme.json', 'townships.json', 'mines.json', 'parcels.json', 'zones.json']) delete f[name];
      editJson(f, 'manifest.json', (m: { counts: object }) => ({ ...m, version: 1, schema_version: 3, counts: { treated: 3, photos: 1, journal: 4, images: 1 } }));
    });
    const backedUp = content(store.getSnapshot());
    const mine = { id: 'IMP-M1', name: '新矿', name_en: '', mineral: '', township_id: 'T-TS1', category: 'abandoned' as const, responsible_party: null, location: [118.5, 40.1] as [number, number] };
    await store.transact(importFeatures('import', { mines: [mine] }), '赵军');
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', SQUARE_3), '赵军');
    const reference = await databaseRecords(database);
    await store.restoreBackup(version1);
    expect(content(store.getSnapshot())).toEqual(backedUp);
    expect(store.getSnapshot().programme.mines.map((m) => m.id)).toEqual(['IMP-M1', 'T-M1', 'T-M2']);
    const after = await databaseRecords(database);
    for (const name of ['programme', 'townships', 'mines', 'parcels', 'zones', 'seed_ids', 'settings']) expect(after[name], name).toEqual(reference[name]);
  });

  it('adds seed polygons that the backup never knew', async () => {
    const store = await surveyedStore();
    const file = await store.exportBackup();
    const newer = fieldProgramme([treatedFeature('T-T1'), treatedFeature('T-T9', {}, SQUARE_3)]);
    const elsewhere = track(await openFieldStore({ programme: newer, dbName: testDatabase().dbName, indexedDB: testDatabase().factory, now }));
    const summary = await elsewhere.restoreBackup(file.bytes);
    expect(summary.seedAdded).toBe(1);
    expect(elsewhere.getSnapshot().programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T3', 'T-T9']);
  });
});

describe('a refused restore', () => {
  /**
   * Refuses `attempt`, and proves nothing changed: in memory, and on disk, record by record in
   * every object store, read again through a new connection after the refusal.
   */
  async function expectRefusedUnchanged(database: TestDatabase, store: FieldStore, attempt: () => Promise<unknown>, message: RegExp): Promise<void> {
    const before = store.getSnapshot();
    const journal = await store.journal();
    const onDisk = await databaseRecords(database);
    const refusal = attempt();
    await expect(refusal).rejects.toMatchObject({ name: 'FieldStoreError', code: 'backup_refused' });
    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.toThrow(/Nothing was changed\.$/);
    expect(store.getSnapshot()).toBe(before);
    expect(await store.journal()).toEqual(journal);
    expect(await databaseRecords(database)).toEqual(onDisk);
  }

  async function refusedWith(bytes: Uint8Array | ((backup: Uint8Array) => Uint8Array), message: RegExp): Promise<void> {
    const database = testDatabase();
    const store = await surveyedStore(database);
    const backup = (await store.exportBackup()).bytes;
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'current' }), '赵军');
    await expectRefusedUnchanged(database, store, () => store.restoreBackup(typeof bytes === 'function' ? bytes(backup) : bytes), message);
    expect(store.getSnapshot().canUndo).toBe(true);
  }

  const appendReview = (files: Record<string, Uint8Array>, parcelId: string): void => {
    editJson(files, 'journal.json', (entries: object[]) => [...entries, {
      seq: 5, at: '2025-11-20T01:00:00.000Z', who: '李审', action: 'edit', edit: { kind: 'review-parcel', parcelId, baseRevision: 0, review: null },
    }]);
    editJson(files, 'manifest.json', (m: { counts: object }) => ({ ...m, counts: { ...m.counts, journal: 5 } }));
  };

  it('is checked on disk: a changed record is noticed', async () => {
    const database = testDatabase();
    const store = await surveyedStore(database);
    const before = await databaseRecords(database);
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'changed' }), '赵军');
    expect(await databaseRecords(database)).not.toEqual(before);
    expect(before['treated']!.map((r) => r.key)).toEqual(['T-T1', 'T-T2', 'T-T3']);
    expect(before['photo_blobs']![0]!.value).toMatchObject({ blob: { bytes: new Uint8Array(await image(5000).arrayBuffer()) } });
  });

  it('refuses a file that is not a zip', () => refusedWith(strToU8('{"type":"FeatureCollection"}'), /not a Fulv backup, or it is damaged: it is not a readable zip archive/));

  it('refuses a truncated backup', () => refusedWith((b) => b.slice(0, Math.floor(b.length / 2)), /not a readable zip archive/));

  it('refuses a zip that is not a Fulv backup', () => refusedWith(zipSync({ 'readme.txt': strToU8('hello') }), /not a Fulv backup: it has no manifest\.json/));

  it('refuses another format', () => refusedWith(zipSync({ 'manifest.json': strToU8('{"format":"qfield-project","version":1}') }), /not a Fulv backup \(its format is "qfield-project", expected "fulv-field-backup"\)/));

  it('refuses a newer format version', () => refusedWith((b) => rezip(b, (f) => editJson(f, 'manifest.json', (m: { version: number }) => ({ ...m, version: 3 }))), /newer Fulv \(backup format version 3\); this Fulv reads version 2/));

  it('refuses a backup of another programme', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'manifest.json', (m: object) => ({ ...m, programme: { id: 'QA-DEMO', name: '迁安' } }))),
    /belongs to another programme: “迁安” \(QA-DEMO\), not “测试方案” \(TEST\)/,
  ));

  it('refuses a backup with a missing part', () => refusedWith((b) => rezip(b, (f) => void delete f['journal.json']), /incomplete: it has no journal\.json/));

  it('refuses a self-intersecting polygon, naming it', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'treated.json', (records: { id: string; feature: { geometry: unknown } | null }[]) => records.map((r) => (r.id === 'T-T3' ? { ...r, feature: { ...r.feature, geometry: BOW_TIE } } : r)))),
    /treated polygon T-T3: self-intersection at \(118\.505, 40\.105\)/,
  ));

  it('refuses invalid attributes, naming the polygon and the field', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'treated.json', (records: { id: string; feature: { properties: object } | null }[]) => records.map((r) => (r.id === 'T-T1' ? { ...r, feature: { ...r.feature!, properties: { ...r.feature!.properties, measure: 'magic' } } } : r)))),
    /treated polygon T-T1: measure "magic" is not one of engineering, landform, vegetation/,
  ));

  it('refuses a damaged photo', () => refusedWith(
    (b) => rezip(b, (f) => {
      const name = Object.keys(f).find((n) => n.startsWith('images/'))!;
      const damaged = f[name]!.slice();
      damaged[100] = damaged[100]! ^ 0xff;
      f[name] = damaged;
    }),
    /photo P-\w+: its image is damaged \(checksum mismatch\)/,
  ));

  it('refuses a photo over the size limit', async () => {
    const store = await surveyedStore();
    const backup = (await store.exportBackup()).bytes;
    const database = testDatabase();
    const strict = track(await database.open({ maxPhotoBytes: 1024 }));
    await expectRefusedUnchanged(database, strict, () => strict.restoreBackup(backup), /photo P-\w+: Photo “IMG_7\.jpg” is 5 KB; the limit is 1 KB/);
    expect(strict.getSnapshot().programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
  });

  it('refuses a backup from a newer database schema', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'manifest.json', (m: object) => ({ ...m, schema_version: 99 }))),
    /comes from a newer Fulv \(database schema 99\); this Fulv has schema 5\. Update Fulv, then restore/,
  ));

  it('refuses an entry whose name climbs out of the archive', () => refusedWith(
    (b) => rezip(b, (f) => void (f['images/../../evil.json'] = strToU8('{}'))),
    /an entry named "images\/\.\.\/\.\.\/evil\.json", which is absolute or climbs out of the archive/,
  ));

  it('refuses an entry with an absolute name', () => refusedWith(
    (b) => rezip(b, (f) => void (f['/etc/cron.d/fulv'] = strToU8('x'))),
    /an entry named "\/etc\/cron\.d\/fulv", which is absolute/,
  ));

  it('refuses a manifest that places an image outside the archive', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'manifest.json', (m: { images: { file: string }[] }) => ({ ...m, images: m.images.map((i) => ({ ...i, file: 'images/../photo.jpg' })) }))),
    /an entry named "images\/\.\.\/photo\.jpg"/,
  ));

  it('refuses a version-2 backup whose parcel is not an area, naming it', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'parcels.json', (parcels: { properties: { id: string }; geometry: object }[]) => parcels.map((p) => (p.properties.id === 'T-M2-P1' ? { ...p, geometry: { type: 'Point', coordinates: [118.6, 40.1] } } : p)))),
    /parcel T-M2-P1 is not a polygon/,
  ));

  it('refuses a version-2 backup whose parcels are fewer than its manifest counts', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'parcels.json', (parcels: unknown[]) => parcels.slice(1))),
    /parcels\.json has 1 entries, the manifest says 2/,
  ));

  it('refuses a version-2 backup whose header names another programme', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'programme.json', (part: { header: object }) => ({ ...part, header: { ...part.header, id: 'OTHER' } }))),
    /its header names programme "OTHER", the manifest TEST/,
  ));

  it('refuses a journal entry about a polygon that neither the backup nor this device holds', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'journal.json', (entries: { seq: number; edit: object }[]) => entries.map((e) => (e.seq === 1 ? { ...e, edit: { ...e.edit, id: 'T-GHOST' } } : e)))),
    /journal entry 1: refers to treated polygon "T-GHOST", which neither the backup nor this device holds/,
  ));

  it('refuses a journal entry reviewing a parcel that is not in the programme', () => refusedWith(
    (b) => rezip(b, (f) => appendReview(f, 'X-P9')),
    /journal entry 5: refers to parcel "X-P9", which neither the backup nor this device holds/,
  ));

  it('refuses a journal entry about a photo the backup lacks', () => refusedWith(
    (b) => rezip(b, (f) => editJson(f, 'journal.json', (entries: { seq: number; edit: { photo?: object } }[]) => entries.map((e) => (e.seq === 4 ? { ...e, edit: { ...e.edit, photo: { ...e.edit.photo, id: 'P-GHOST' } } } : e)))),
    /journal entry 4: refers to photo "P-GHOST", which neither the backup nor this device holds/,
  ));

  it('accepts a journal entry about a seed polygon the backup lacks (the restore adds it) or a parcel of the programme', async () => {
    const store = await surveyedStore();
    const backup = rezip((await store.exportBackup()).bytes, (f) => {
      editJson(f, 'treated.json', (records: { id: string }[]) => records.filter((r) => r.id !== 'T-T2'));
      editJson(f, 'manifest.json', (m: { counts: object }) => ({ ...m, counts: { ...m.counts, treated: 2 } }));
      appendReview(f, 'T-M1-P1');
    });
    await expect(store.restoreBackup(backup)).resolves.toMatchObject({ treated: 2, journal: 5, seedAdded: 1 });
  });
});
