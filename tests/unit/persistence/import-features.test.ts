// Imported townships, mines, parcels and zones enter the programme through the one write path:
// one transaction, journaled, one undo step that removes exactly them (refused while treated
// work or an acceptance record needs them), ids already stored refused. Buffer distances are
// programme data too: stored, journaled, undoable.
import { afterEach, describe, expect, it } from 'vitest';
import type { Mine, ParcelFeature, ZoneFeature } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { createTreated, importFeatures, replaceZones, setBufferDistances } from '../../../src/store/edits-from-snapshot.ts';
import { reviewStep } from '../../../src/store/review-edits.ts';
import { openFieldDatabase } from '../../../src/persistence/open-database.ts';
import { databaseRecords } from '../../helpers/database-records.ts';
import { storeErrorMessage } from '../../../src/app/use-save-state.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { NOW, SQUARE_3, snapshotWhere, testDatabase, treatedFeature } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);

const mine: Mine = { id: 'IMP-M1', name: '新矿', name_en: 'New mine', mineral: '铁矿', township_id: 'T-TS1', category: 'abandoned', responsible_party: null, location: [118.545, 40.105] };
const parcel = (id: string, mineId = 'IMP-M1'): ParcelFeature => ({
  type: 'Feature', geometry: SQUARE_3,
  properties: { id, mine_id: mineId, name: `导入 ${id}`, damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
});
const zone: ZoneFeature = {
  type: 'Feature', geometry: { type: 'LineString', coordinates: [[118.5, 40], [118.6, 40.1]] },
  properties: { id: 'Z-NEW', name: '新路', name_en: 'New road', zone_type: 'traffic_line', note: '' },
};
const ids = (store: FieldStore): string[] => store.getSnapshot().programme.parcels.features.map((p) => p.properties.id).sort();

describe('importing features', () => {
  it('adds mines, parcels and zones as one journaled step, seen by another tab and after a reload', async () => {
    const database = testDatabase();
    const a = track(await database.open());
    const b = track(await database.open());
    const saved = await a.transact(importFeatures('import 核查.shp', { mines: [mine], parcels: [parcel('IMP-1'), parcel('IMP-2')], zones: [zone] }), '赵军');
    expect(ids(a)).toEqual(['IMP-1', 'IMP-2', 'T-M1-P1', 'T-M2-P1']);
    expect(a.getSnapshot().programme.mines.map((m) => m.id)).toContain('IMP-M1');
    expect(a.getSnapshot().programme.zones.features.map((z) => z.properties.id)).toContain('Z-NEW');
    expect(a.getSnapshot().history).toEqual({ undo: 1, redo: 0 });
    const [entry] = await a.journal(1);
    expect(entry).toMatchObject({ seq: saved.seq, who: '赵军', action: 'edit', edit: { kind: 'import-features', label: 'import 核查.shp' } });
    await snapshotWhere(b, (s) => s.programme.parcels.features.length === 4);
    await a.close();
    const again = track(await database.open());
    expect(ids(again)).toEqual(['IMP-1', 'IMP-2', 'T-M1-P1', 'T-M2-P1']);
  });

  it('undoes as one step that removes exactly the imported records, and redoes', async () => {
    const database = testDatabase();
    const store = track(await database.open());
    const before = await databaseRecords(database);
    await store.transact(importFeatures('import', { mines: [mine], parcels: [parcel('IMP-1')], zones: [zone] }), '赵军');
    await store.undo('赵军');
    expect(ids(store)).toEqual(['T-M1-P1', 'T-M2-P1']);
    expect(store.getSnapshot().programme.mines.map((m) => m.id)).toEqual(['T-M1', 'T-M2']);
    const after = await databaseRecords(database);
    for (const name of ['programme', 'townships', 'mines', 'parcels', 'zones', 'seed_ids', 'treated', 'reviews']) expect(after[name], name).toEqual(before[name]);
    await store.redo('赵军');
    expect(ids(store)).toEqual(['IMP-1', 'T-M1-P1', 'T-M2-P1']);
  });

  it('refuses ids already stored, and changes nothing', async () => {
    const database = testDatabase();
    const store = track(await database.open());
    const before = await databaseRecords(database);
    await expect(store.transact(importFeatures('import', { parcels: [parcel('IMP-9'), parcel('T-M1-P1')] }), '赵军')).rejects.toMatchObject({ code: 'already_exists' });
    await expect(store.transact(importFeatures('import', { parcels: [parcel('IMP-9'), parcel('IMP-9')] }), '赵军')).rejects.toMatchObject({ code: 'invalid_edit' });
    expect(await databaseRecords(database)).toEqual(before);
  });

  it('refuses removing imported records while a treated polygon or an acceptance record needs them', async () => {
    const store = track(await testDatabase().open());
    const features = { mines: [mine], parcels: [parcel('IMP-1')] };
    await store.transact(importFeatures('import', features), '赵军');
    await store.transact(createTreated(store.getSnapshot(), treatedFeature('T-ON', { parcel_id: 'IMP-1', mine_id: 'IMP-M1' }, SQUARE_3)), '赵军');
    const removal = { kind: 'remove-features' as const, label: 'import', features: { townships: [], zones: [], ...features } };
    await expect(store.transact(removal, '赵军')).rejects.toMatchObject({ code: 'still_needed', message: expect.stringContaining('treated polygon T-ON lies on imported parcel IMP-1') });
    await store.undo('赵军');
    await store.transact(reviewStep(store.getSnapshot(), 'IMP-1', 'submit', '李审', '', NOW), '李审');
    const refusal = await store.transact(removal, '赵军').then(() => null, (e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'still_needed', message: expect.stringContaining('imported parcel IMP-1 has an acceptance record') });
    expect(storeErrorMessage(translator('zh'), refusal)).toBe('导入的数据仍被使用（治理图斑、验收记录、其他图斑或任务表引用了它），不能删除；未做任何改动');
  });

  it('refuses the undo with history_conflict when something outside the history needs the records', async () => {
    const database = testDatabase();
    const store = track(await database.open());
    await store.transact(importFeatures('import', { mines: [mine], parcels: [parcel('IMP-1')] }), '赵军');
    await store.transact(createTreated(store.getSnapshot(), treatedFeature('T-ON', { parcel_id: 'IMP-1', mine_id: 'IMP-M1' }, SQUARE_3)), '赵军');
    // The polygon's own step leaves the history (as the 200-step limit would drop it).
    const db = await openFieldDatabase(database.factory, database.dbName, { onClosedForUpgrade: () => undefined, onTerminated: () => undefined });
    const top = await db.getAllKeys('undo');
    await db.delete('undo', top[top.length - 1]!);
    db.close();
    const refusal = await store.undo('赵军').then(() => null, (e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'history_conflict', message: expect.stringContaining('treated polygon T-ON'), problems: [{ field: 'undo', code: 'still_needed' }] });
    expect(ids(store)).toContain('IMP-1');
    // Said in the UI's language, with no English reason inside the Chinese.
    expect(storeErrorMessage(translator('zh'), refusal)).toBe('无法撤销这一步（导入的数据仍被治理图斑、验收记录、其他图斑或任务表使用）：它已从撤销记录中移除，数据未改动');
    expect(storeErrorMessage(translator('en'), refusal)).toMatch(/^Cannot undo that step \(the imported data is still used by /);
  });
});

describe('imported records in a backup', () => {
  it('come back with a restore, which replaces the programme in one step', async () => {
    const database = testDatabase();
    const store = track(await database.open());
    await store.transact(importFeatures('import', { mines: [mine], parcels: [parcel('IMP-1')], zones: [zone] }), '赵军');
    const backup = await store.exportBackup();
    const withImport = await databaseRecords(database);
    await store.undo('赵军');
    expect(ids(store)).not.toContain('IMP-1');
    await store.restoreBackup(backup.bytes);
    expect(ids(store)).toContain('IMP-1');
    const restored = await databaseRecords(database);
    for (const name of ['programme', 'townships', 'mines', 'parcels', 'zones', 'seed_ids', 'settings']) expect(restored[name], name).toEqual(withImport[name]);
  });
});

describe('buffer distances as programme data', () => {
  const distances = { nature_reserve: 2000, water_source: 500, scenic_area: 1000, residential_area: 300, traffic_line: 100, river_lake: 1000 };

  it('are stored, journaled and undone', async () => {
    const database = testDatabase();
    const store = track(await database.open());
    expect(store.getSnapshot().bufferDistances).toBeNull();
    await store.transact(setBufferDistances(store.getSnapshot(), distances), '王规划');
    expect(store.getSnapshot().bufferDistances).toEqual(distances);
    const again = track(await database.open());
    expect(again.getSnapshot().bufferDistances).toEqual(distances);
    await store.undo('王规划');
    expect(store.getSnapshot().bufferDistances).toBeNull();
    await expect(store.transact(setBufferDistances(store.getSnapshot(), { ...distances, river_lake: -5 }), '王规划')).rejects.toMatchObject({ code: 'invalid_edit' });
  });

  it('take the distances the device kept, once, when the programme has none', async () => {
    const database = testDatabase();
    const store = track(await database.open({ initialBufferDistances: distances }));
    expect(store.getSnapshot().bufferDistances).toEqual(distances);
    expect(store.getSnapshot().history.undo).toBe(0);
    await store.transact(setBufferDistances(store.getSnapshot(), null), '王规划');
    const again = track(await database.open({ initialBufferDistances: distances }));
    expect(again.getSnapshot().bufferDistances).toBeNull();
  });
});

describe('replacing the programme zones', () => {
  it('removes every zone and adds the new ones in one step, undone as one step', async () => {
    const store = track(await testDatabase().open());
    const old = store.getSnapshot().programme.zones.features;
    expect(old.length).toBeGreaterThan(0);
    await store.transact(replaceZones(store.getSnapshot(), 'import roads.geojson', [zone]), '赵军');
    expect(store.getSnapshot().programme.zones.features.map((z) => z.properties.id)).toEqual(['Z-NEW']);
    await store.undo('赵军');
    expect(store.getSnapshot().programme.zones.features).toEqual(old);
    await store.redo('赵军');
    expect(store.getSnapshot().programme.zones.features.map((z) => z.properties.id)).toEqual(['Z-NEW']);
  });

  it('refuses new zones whose ids the old ones hold, changing nothing (the import dialog renames them first)', async () => {
    const store = track(await testDatabase().open());
    const old = store.getSnapshot().programme.zones.features;
    const again = { ...zone, properties: { ...zone.properties, id: old[0]!.properties.id } };
    await expect(store.transact(replaceZones(store.getSnapshot(), 'import again', [again]), '赵军')).rejects.toMatchObject({ code: 'already_exists' });
    expect(store.getSnapshot().programme.zones.features).toEqual(old);
  });
});
