// Databases written by older versions are upgraded in place, keeping their data. The old
// database is written here by hand with raw IndexedDB, exactly as version 1 laid it out, not
// with the migration code under test.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { MIGRATIONS } from '../../../src/persistence/migrations.ts';
import { SCHEMA_VERSION } from '../../../src/persistence/schema.ts';
import type { BlockedUpgrade } from '../../../src/persistence/open-database.ts';
import { changeTreatedAttributes } from '../../../src/store/edits-from-snapshot.ts';
import { programmeFingerprint } from '../../../src/store/seed-fingerprint.ts';
import type { Programme } from '../../../src/domain/model.ts';
import { fieldProgramme, testDatabase, treatedFeature, SQUARE_3 } from '../../helpers/field-store.ts';
import { idbRequest as request } from '../../helpers/old-field-database.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A version-1 database (the read-only programme cache), as that version wrote it; left open. */
async function writeVersion1(factory: IDBFactory, name: string, programme: Programme, seedVersion: string): Promise<IDBDatabase> {
  const opening = factory.open(name, 1);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    db.createObjectStore('meta');
    db.createObjectStore('programme');
    db.createObjectStore('townships', { keyPath: 'id' });
    db.createObjectStore('mines', { keyPath: 'id' });
    db.createObjectStore('parcels', { keyPath: 'properties.id' });
    db.createObjectStore('zones', { keyPath: 'properties.id' });
    db.createObjectStore('treated', { keyPath: 'properties.id' });
  };
  const db = await request(opening);
  const transaction = db.transaction(['meta', 'programme', 'townships', 'mines', 'parcels', 'zones', 'treated'], 'readwrite');
  const { treated, townships, mines, parcels, zones, ...header } = programme;
  transaction.objectStore('meta').put(programme.id, 'programme_id');
  transaction.objectStore('meta').put(seedVersion, 'seed_version');
  transaction.objectStore('programme').put(header, 'header');
  for (const t of townships) transaction.objectStore('townships').put(t);
  for (const m of mines) transaction.objectStore('mines').put(m);
  for (const p of parcels.features) transaction.objectStore('parcels').put(p);
  for (const z of zones.features) transaction.objectStore('zones').put(z);
  for (const f of treated.features) transaction.objectStore('treated').put(f);
  await new Promise((resolve) => (transaction.oncomplete = resolve));
  return db;
}

describe('schema migrations', () => {
  it('has one step per version, in order, up to the current version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('upgrades a version-1 database, keeping its programme and its treated polygons', async () => {
    const programme = fieldProgramme();
    const database = testDatabase(programme);
    // What version 1 held differs from today's seed, so survival is told apart from reseeding.
    const held = fieldProgramme([treatedFeature('T-T1', { note: 'held by v1' }), treatedFeature('T-T2', {}, SQUARE_3)]);
    (await writeVersion1(database.factory, database.dbName, held, programmeFingerprint(programme))).close();

    const store = await database.open();
    open.push(store);
    const snapshot = store.getSnapshot();
    expect(snapshot.programme.treated.features).toEqual(held.treated.features);
    expect([...snapshot.treated.values()].map((r) => r.revision)).toEqual([1, 1]);
    expect(snapshot.programme.mines).toEqual(held.mines);
    expect(snapshot.programme.parcels.features).toEqual(held.parcels.features);
    expect(snapshot.programme.targets).toEqual(held.targets);
    expect(snapshot).toMatchObject({ canUndo: false, unexportedCount: 0 });
    // The seed applied by version 1 is recognised: no reseed happened.
    expect(snapshot.clock).toBe(0);
    // And the upgraded database takes edits, journals and undoes them.
    await store.transact(changeTreatedAttributes(snapshot, 'T-T1', { note: 'edited after upgrade' }), '赵军');
    await store.undo('赵军');
    expect(store.getSnapshot().treated.get('T-T1')!.feature!.properties.note).toBe('held by v1');
    expect((await store.journal()).map((e) => e.action)).toEqual(['undo', 'edit']);
  });

  it('applies a newer seed after upgrading, adding only polygons version 1 did not hold', async () => {
    const database = testDatabase(fieldProgramme([treatedFeature('T-T1', { note: 'new seed' }), treatedFeature('T-T3', {}, SQUARE_3)]));
    const held = fieldProgramme([treatedFeature('T-T1', { note: 'held by v1' })]);
    (await writeVersion1(database.factory, database.dbName, held, 'an older seed')).close();
    const store = await database.open();
    open.push(store);
    const notes = store.getSnapshot().programme.treated.features.map((f) => `${f.properties.id}:${f.properties.note}`);
    expect(notes).toEqual(['T-T1:held by v1', 'T-T3:']);
  });

  it('waits for an older tab that blocks the upgrade, saying why, then continues when it closes', async () => {
    const database = testDatabase();
    const oldTab = await writeVersion1(database.factory, database.dbName, fieldProgramme(), 'seed');
    const blocked: BlockedUpgrade[] = [];
    const opening = database.open({ onBlocked: (event) => blocked.push(event) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blocked).toEqual([{ currentVersion: 1, requestedVersion: SCHEMA_VERSION, message: expect.stringMatching(/another Fulv tab .* Nothing is lost/) }]);
    oldTab.close();
    const store = await opening;
    open.push(store);
    expect(store.getSnapshot().programme.treated.features).toHaveLength(2);
  });

  it('closes itself when another tab upgrades, and says so in the snapshot', async () => {
    const database = testDatabase();
    const store = await database.open();
    open.push(store);
    const newer = database.factory.open(database.dbName, SCHEMA_VERSION + 1);
    let blocked = false;
    newer.onblocked = () => (blocked = true);
    (await request(newer)).close();
    expect(blocked).toBe(false);
    expect(store.getSnapshot().connection).toEqual({ state: 'closed', reason: 'upgrade_elsewhere', message: expect.stringMatching(/Reload this tab/) });
    await expect(store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: 'x' }), '赵军')).rejects.toMatchObject({ code: 'closed' });
  });

  it('refuses a database written by a newer Fulv, with a clear message', async () => {
    const database = testDatabase();
    (await request(database.factory.open(database.dbName, SCHEMA_VERSION + 5))).close();
    await expect(database.open()).rejects.toMatchObject({ code: 'newer_schema', message: expect.stringMatching(/newer version of Fulv/) });
  });

  it('leaves the old database as it was when an upgrade step fails (here: storage full mid-way)', async () => {
    const database = testDatabase();
    (await writeVersion1(database.factory, database.dbName, fieldProgramme(), 'seed')).close();
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'treated' && this.transaction.mode === 'versionchange') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      await expect(database.open()).rejects.toMatchObject({
        code: 'migration_failed',
        message: expect.stringMatching(/left as it was: upgrading the database to version 2 \(field editing.*\) failed: disk full/),
      });
    } finally {
      spy.mockRestore();
    }
    const reopened = await request(database.factory.open(database.dbName));
    expect(reopened.version).toBe(1);
    const features = await request(reopened.transaction('treated').objectStore('treated').getAll());
    expect(features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
    reopened.close();
    const store = await database.open();
    open.push(store);
    expect(store.getSnapshot().programme.treated.features).toHaveLength(2);
  });
});
