// The seed programme is written once; a newer seed may add polygons and replace the reference
// layers, but never overwrites or resurrects a surveyor's work.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { openFieldStore } from '../../../src/persistence/field-store.ts';
import { changeTreatedAttributes, deleteTreated } from '../../../src/store/edits-from-snapshot.ts';
import { demoProgramme } from '../../helpers/demo-files.ts';
import { fieldProgramme, now, SQUARE_2, SQUARE_3, snapshotWhere, testDatabase, treatedFeature } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);
const notes = (store: FieldStore): string[] => store.getSnapshot().programme.treated.features.map((f) => `${f.properties.id}:${f.properties.note}`);

describe('seeding', () => {
  it('seeds the demo programme completely', async () => {
    const demo = demoProgramme();
    const store = track(await testDatabase(demo).open());
    const { programme } = store.getSnapshot();
    expect(programme.treated.features).toHaveLength(demo.treated.features.length);
    expect(programme.parcels.features).toHaveLength(demo.parcels.features.length);
    expect(programme.zones.features).toHaveLength(demo.zones.features.length);
    expect(programme.mines).toHaveLength(demo.mines.length);
    expect(programme.targets).toEqual(demo.targets);
  });

  it('seeds once: reopening with the same programme writes nothing', async () => {
    const database = testDatabase();
    const first = await database.open();
    const clock = first.getSnapshot().clock;
    await first.close();
    const second = track(await database.open());
    expect(second.getSnapshot().clock).toBe(clock);
  });

  it('never overwrites an edit or resurrects a deletion when a newer seed arrives, but adds its new polygons', async () => {
    const database = testDatabase();
    const first = await database.open();
    await first.transact(changeTreatedAttributes(first.getSnapshot(), 'T-T1', { note: 'surveyor' }), '赵军');
    await first.transact(deleteTreated(first.getSnapshot(), 'T-T2'), '赵军');
    await first.close();

    const newer = fieldProgramme([
      treatedFeature('T-T1', { note: 'newer seed' }),
      treatedFeature('T-T2', { note: 'newer seed' }, SQUARE_2),
      treatedFeature('T-T3', { note: 'newer seed' }, SQUARE_3),
    ]);
    const second = track(await openFieldStore({ programme: newer, dbName: database.dbName, indexedDB: database.factory, now }));
    expect(notes(second)).toEqual(['T-T1:surveyor', 'T-T3:newer seed']);
    expect(second.getSnapshot().treated.get('T-T2')!.feature).toBeNull();
    // The user's history is intact too.
    await second.undo('赵军');
    expect(notes(second)).toEqual(['T-T1:surveyor', 'T-T2:', 'T-T3:newer seed']);
  });

  it('replaces the reference layers with the newer seed', async () => {
    const database = testDatabase();
    await (await database.open()).close();
    const base = fieldProgramme();
    const renamed = { ...base, mines: base.mines.map((m) => ({ ...m, name: `${m.name}（新）` })) };
    const store = track(await openFieldStore({ programme: renamed, dbName: database.dbName, indexedDB: database.factory, now }));
    expect(store.getSnapshot().programme.mines.map((m) => m.name)).toEqual(['甲矿（新）', '乙矿（新）']);
  });

  it('knows a seed it applied under its former version, so an app update reseeds nothing', async () => {
    const database = testDatabase();
    const first = await database.open(); // an earlier build: the version is a hash of the whole programme
    const clock = first.getSnapshot().clock;
    await first.close();
    const updated = await database.open({ seedVersion: 'P1:files:1' });
    expect(updated.getSnapshot().clock).toBe(clock);
    await updated.close();
    // The new version is now known too: the next start reads its record and writes nothing.
    const again = track(await database.open({ seedVersion: 'P1:files:1' }));
    expect(again.getSnapshot().clock).toBe(clock);
  });

  it('never reseeds a programme linked to a server: the server is its source, and a reseed would reach no outbox', async () => {
    const database = testDatabase();
    const first = await database.open();
    await first.sync.linkTo({ serverUrl: 'https://fulv.test/', serverProgrammeId: 'P1', cursor: 3 });
    const clock = first.getSnapshot().clock;
    await first.close();
    const base = fieldProgramme();
    const newer = { ...base, mines: base.mines.map((m) => ({ ...m, name: 'newer seed' })), treated: { ...base.treated, features: [...base.treated.features, treatedFeature('T-T9', {}, SQUARE_3)] } };
    const updated = await openFieldStore({ programme: newer, dbName: database.dbName, indexedDB: database.factory, now, seedVersion: 'P1:files:2' });
    expect(updated.getSnapshot().programme.mines.map((m) => m.name)).toEqual(['甲矿', '乙矿']);
    expect(updated.getSnapshot().treated.has('T-T9')).toBe(false);
    expect(updated.getSnapshot().clock).toBe(clock);
    expect(await updated.sync.outbox(10)).toEqual([]);
    await updated.close();
    // The newer version is recorded: reopening the same build asks nothing again.
    const again = track(await openFieldStore({ programme: newer, dbName: database.dbName, indexedDB: database.factory, now, seedVersion: 'P1:files:2' }));
    expect(again.getSnapshot().programme.mines.map((m) => m.name)).toEqual(['甲矿', '乙矿']);
  });

  it('reseeds under a new files version when the programme itself changed', async () => {
    const database = testDatabase();
    await (await database.open()).close();
    const base = fieldProgramme();
    const renamed = { ...base, mines: base.mines.map((m) => ({ ...m, name: 'renamed' })) };
    const store = track(await openFieldStore({ programme: renamed, dbName: database.dbName, indexedDB: database.factory, now, seedVersion: 'P1:files:2' }));
    expect(store.getSnapshot().programme.mines.map((m) => m.name)).toEqual(['renamed', 'renamed']);
  });

  it('does not roll a newer seed back when a tab still running the older build opens', async () => {
    const database = testDatabase();
    const base = fieldProgramme();
    const newer = { ...base, mines: base.mines.map((m) => ({ ...m, name: 'newer' })) };
    await (await database.open()).close(); // the older build seeded the database
    await (await openFieldStore({ programme: newer, dbName: database.dbName, indexedDB: database.factory, now })).close();
    const oldTab = track(await database.open()); // a cached tab of the older build
    expect(oldTab.getSnapshot().programme.mines.map((m) => m.name)).toEqual(['newer', 'newer']);
  });

  it('tells other open tabs about a reseed so they show the new polygons', async () => {
    const database = testDatabase();
    const tab = track(await database.open());
    track(await openFieldStore({ programme: fieldProgramme([treatedFeature('T-T3', {}, SQUARE_3)]), dbName: database.dbName, indexedDB: database.factory, now }));
    const seen = await snapshotWhere(tab, (s) => s.treated.has('T-T3'));
    expect(seen.programme.treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2', 'T-T3']);
  });

  it('refuses to open a database with another programme', async () => {
    const database = testDatabase();
    await (await database.open()).close();
    const other = fieldProgramme(undefined, 'OTHER');
    await expect(openFieldStore({ programme: other, dbName: database.dbName, indexedDB: database.factory, now })).rejects.toMatchObject({
      code: 'programme_mismatch',
      message: 'This database holds programme TEST, not OTHER; open it with its own programme.',
    });
  });
});
