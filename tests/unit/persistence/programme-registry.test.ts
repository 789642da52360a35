// Several programmes per browser: a registry of them, a new programme created from its content
// as user data, opened with no seed, deleted, and restored from a backup on a browser that no
// longer holds it — identical, record by record.
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgrammeContent } from '../../../src/domain/programme-content.ts';
import { openFieldStore, type FieldStore } from '../../../src/persistence/field-store.ts';
import { openProgrammeRegistry, type ProgrammeRegistry } from '../../../src/persistence/programme-registry.ts';
import { restoreProgrammeFromBackup } from '../../../src/persistence/backup/restore-programme.ts';
import { changeTreatedAttributes, createTreated, importFeatures, setBufferDistances } from '../../../src/store/edits-from-snapshot.ts';
import { reviewStep } from '../../../src/store/review-edits.ts';
import { databaseRecords } from '../../helpers/database-records.ts';
import { NOW, SQUARE_3, fieldProgramme, image, now, treatedFeature } from '../../helpers/field-store.ts';

const open: Array<FieldStore | ProgrammeRegistry> = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

const content = (id = 'MY-COUNTY'): ProgrammeContent => ({
  programme: { ...fieldProgramme(undefined, id), name: '我的县' },
  areaLevel: 'city',
  bufferDistances: { nature_reserve: 800, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 200, river_lake: 1000 },
  reviews: [],
});

function rezipped(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files: Record<string, Uint8Array> = { ...unzipSync(bytes) };
  change(files);
  return zipSync(files);
}

async function registry(factory = new IDBFactory()): Promise<ProgrammeRegistry> {
  const r = await openProgrammeRegistry({ indexedDB: factory, now });
  open.push(r);
  return r;
}

const openUser = async (r: ProgrammeRegistry, id: string): Promise<FieldStore> => {
  const store = await openFieldStore({ programmeId: id, indexedDB: r.indexedDB, now });
  open.push(store);
  return store;
};

describe('the programme registry', () => {
  it('registers the demo once, lets it be removed and stay removed, and added back', async () => {
    const r = await registry();
    const demo = fieldProgramme(undefined, 'QA-DEMO');
    expect(await r.registerDemo(demo)).toMatchObject({ id: 'QA-DEMO', demo: true });
    await r.registerDemo(demo);
    expect((await r.list()).map((e) => e.id)).toEqual(['QA-DEMO']);
    await r.remove('QA-DEMO');
    expect(await r.registerDemo(demo)).toBeNull();
    expect(await r.list()).toEqual([]);
    await r.addDemo(demo);
    expect((await r.list()).map((e) => e.id)).toEqual(['QA-DEMO']);
  });

  it('keeps the open programme in its database, across a reopening, and moves a choice kept in localStorage once', async () => {
    const factory = new IDBFactory();
    const first = await registry(factory);
    await first.registerDemo(fieldProgramme(undefined, 'QA-DEMO'));
    expect(await first.currentId()).toBeNull();
    // A browser that kept the choice in localStorage: taken over on the first start with the registry.
    expect(await first.currentId({ id: 'QA-DEMO', at: null })).toBe('QA-DEMO');
    await first.create(content());
    await first.markOpened('MY-COUNTY');
    // Once kept here, a stale localStorage value no longer decides.
    expect(await first.currentId({ id: 'QA-DEMO', at: null })).toBe('MY-COUNTY');
    // A quick copy older than the durable choice does not decide either.
    expect(await first.currentId({ id: 'QA-DEMO', at: '2000-01-01T00:00:00.000Z' })).toBe('MY-COUNTY');
    expect((await first.get('MY-COUNTY'))?.lastOpenedAt).toBe(NOW.toISOString());
    first.close();
    const again = await registry(factory);
    expect(await again.currentId({ id: 'QA-DEMO', at: null })).toBe('MY-COUNTY');
    // Opening an id the registry does not hold changes nothing.
    await again.markOpened('NOT-HERE');
    expect(await again.currentId()).toBe('MY-COUNTY');
    // A switch whose durable write a reload cut short: the newer quick copy decides, and is kept.
    const later = new Date(NOW.getTime() + 60_000).toISOString();
    expect(await again.currentId({ id: 'QA-DEMO', at: later })).toBe('QA-DEMO');
    expect(await again.currentId()).toBe('QA-DEMO');
    // Not for a programme the registry no longer holds.
    expect(await again.currentId({ id: 'GONE', at: later })).toBe('QA-DEMO');
  });

  it('creates a programme from its content as user data, opened with no seed', async () => {
    const r = await registry();
    const entry = await r.create(content());
    expect(entry).toMatchObject({ id: 'MY-COUNTY', name: '我的县', areaLevel: 'city', demo: false });
    const store = await openUser(r, 'MY-COUNTY');
    const snapshot = store.getSnapshot();
    expect(snapshot.programme.parcels.features).toEqual(content().programme.parcels.features);
    expect(snapshot.programme.treated.features).toEqual(content().programme.treated.features);
    expect(snapshot.bufferDistances).toEqual(content().bufferDistances);
    expect(await store.programmeContent()).toEqual(content());
    // Its id taken, a second one gets another.
    expect((await r.create(content())).id).toBe('MY-COUNTY-2');
  });

  it('takes the name a restore inside the programme gives it', async () => {
    const r = await registry();
    await r.create(content());
    const store = await openUser(r, 'MY-COUNTY');
    const renamed = rezipped((await store.exportBackup()).bytes, (files) => {
      const edit = (name: string, change: (value: Record<string, unknown>) => Record<string, unknown>) => {
        files[name] = strToU8(JSON.stringify(change(JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>)));
      };
      edit('manifest.json', (m) => ({ ...m, programme: { id: 'MY-COUNTY', name: '我的县（复核后）' } }));
      edit('programme.json', (p) => ({ ...p, header: { ...(p['header'] as object), name: '我的县（复核后）', name_en: 'My County, checked' } }));
    });
    await store.restoreBackup(renamed);
    const held = store.getSnapshot().programme;
    expect([held.name, held.name_en]).toEqual(['我的县（复核后）', 'My County, checked']);
    expect(await r.rename(held.id, held.name, held.name_en)).toBe(true);
    expect(await r.get('MY-COUNTY')).toMatchObject({ name: '我的县（复核后）', nameEn: 'My County, checked', areaLevel: 'city' });
    expect(await r.rename(held.id, held.name, held.name_en)).toBe(false);
  });

  it('refuses to open a programme this browser does not hold, leaving no database behind', async () => {
    const r = await registry();
    await expect(openFieldStore({ programmeId: 'GONE', indexedDB: r.indexedDB, now })).rejects.toMatchObject({ code: 'no_programme' });
    expect((await r.indexedDB.databases()).map((d) => d.name)).not.toContain('fulv-field-GONE');
  });

  it('backs up, deletes and restores a programme: identical, store by store and record by record', async () => {
    const r = await registry();
    await r.create(content());
    const store = await openUser(r, 'MY-COUNTY');
    const who = '赵军';
    const mine = { id: 'IMP-M1', name: '新矿', name_en: '', mineral: '', township_id: 'T-TS1', category: 'abandoned' as const, responsible_party: null, location: [118.545, 40.105] as [number, number] };
    const parcel = { type: 'Feature' as const, geometry: SQUARE_3, properties: { id: 'IMP-1', mine_id: 'IMP-M1', name: '导入', damage_type: 'open_pit' as const, direction: 'forest' as const, status: 'untreated' as const, tbdl: null, note: '' } };
    await store.transact(importFeatures('import a.shp', { mines: [mine], parcels: [parcel] }), who);
    await store.transact(createTreated(store.getSnapshot(), treatedFeature('T-NEW', { parcel_id: 'IMP-1', mine_id: 'IMP-M1' }, SQUARE_3)), who);
    await store.transact(changeTreatedAttributes(store.getSnapshot(), 'T-T1', { note: '已复核' }), who);
    await store.addPhoto('T-NEW', image(2000), { takenAt: NOW, slot: 'after' }, who);
    await store.transact(reviewStep(store.getSnapshot(), 'IMP-1', 'submit', '李审', '', NOW), '李审');
    await store.transact(setBufferDistances(store.getSnapshot(), { ...content().bufferDistances, river_lake: 3000 }), '王规划');
    const file = await store.exportBackup();
    const before = await databaseRecords({ factory: r.indexedDB, dbName: 'fulv-field-MY-COUNTY' });
    await store.close();

    await r.remove('MY-COUNTY');
    expect(await r.list()).toEqual([]);
    expect((await r.indexedDB.databases()).map((d) => d.name)).not.toContain('fulv-field-MY-COUNTY');

    const { entry, summary } = await restoreProgrammeFromBackup(r, file.bytes, { now });
    expect(entry).toMatchObject({ id: 'MY-COUNTY', name: '我的县', areaLevel: 'city' });
    expect(summary).toMatchObject({ treated: 3, photos: 1 });
    const after = await databaseRecords({ factory: r.indexedDB, dbName: 'fulv-field-MY-COUNTY' });
    // A restore starts a new undo history; meta records when it happened. Everything else is the same.
    for (const name of Object.keys(before).filter((n) => !['meta', 'undo', 'redo'].includes(n))) expect(after[name], name).toEqual(before[name]);
    expect(after['undo']).toEqual([]);
    const restored = await openUser(r, 'MY-COUNTY');
    expect(restored.getSnapshot().programme.parcels.features.map((p) => p.properties.id)).toContain('IMP-1');
    expect((await restored.programmeContent()).areaLevel).toBe('city');
  });

  it('refuses to restore as new a programme still on this browser, and a version-1 backup', async () => {
    const r = await registry();
    await r.create(content());
    const store = await openUser(r, 'MY-COUNTY');
    const file = await store.exportBackup();
    await expect(restoreProgrammeFromBackup(r, file.bytes, { now })).rejects.toMatchObject({ code: 'already_exists' });
    await store.close();
    await r.remove('MY-COUNTY');
    const version1 = rezipped(file.bytes, (files) => {
      for (const name of ['programme.json', 'townships.json', 'mines.json', 'parcels.json', 'zones.json']) delete files[name];
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { version: number };
      files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 1 }));
    });
    await expect(restoreProgrammeFromBackup(r, version1, { now })).rejects.toMatchObject({ code: 'no_programme' });
    expect((await r.indexedDB.databases()).map((d) => d.name)).not.toContain('fulv-field-MY-COUNTY');
    expect(await r.list()).toEqual([]);
  });
});
