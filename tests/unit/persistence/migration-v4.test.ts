// Version 3 → 4 (programme data): reference records imported under version 3 (parcels and zones
// the seed never had) become user data of the programme — still there, in a backup, and kept by
// a reseed with a newer demo — while the seed's own records stay the seed's. The version-3
// database is written here by hand with raw IndexedDB, exactly as that version laid it out.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParcelFeature, Programme, ZoneFeature } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { programmeFingerprint } from '../../../src/store/seed-fingerprint.ts';
import { rect } from '../../helpers/analysis-features.ts';
import { NOW, fieldProgramme, testDatabase } from '../../helpers/field-store.ts';
import { createOldLayout, idbRequest as request } from '../../helpers/old-field-database.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const importedParcel: ParcelFeature = {
  type: 'Feature', geometry: rect(118.62, 40.09, 118.63, 40.10),
  properties: { id: 'IMP-P1', mine_id: 'T-M2', name: '导入图斑', damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
};
const importedZone: ZoneFeature = {
  type: 'Feature', geometry: { type: 'LineString', coordinates: [[118.5, 40], [118.6, 40.1]] },
  properties: { id: 'IMP-Z1', name: '新路', name_en: 'New road', zone_type: 'traffic_line', note: '' },
};

/** A version-3 database seeded with `seed` and holding one imported parcel and one imported zone. */
async function writeVersion3(factory: IDBFactory, name: string, seed: Programme): Promise<void> {
  const opening = factory.open(name, 3);
  opening.onupgradeneeded = () => createOldLayout(opening.result, 3);
  const db = await request(opening);
  const t = db.transaction(['meta', 'programme', 'townships', 'mines', 'parcels', 'zones', 'treated'], 'readwrite');
  const { treated, townships, mines, parcels, zones, ...header } = seed;
  t.objectStore('meta').put({
    programmeId: seed.id, seedsApplied: [programmeFingerprint(seed)], seededAt: NOW.toISOString(), clock: 3, lastSeq: 0, lastStep: 0, lastExportedSeq: 0, lastExportedAt: null, restoredAt: null,
  }, 'field');
  t.objectStore('programme').put(header, 'header');
  for (const x of townships) t.objectStore('townships').put(x);
  for (const x of mines) t.objectStore('mines').put(x);
  for (const x of [...parcels.features, importedParcel]) t.objectStore('parcels').put(x);
  for (const x of [...zones.features, importedZone]) t.objectStore('zones').put(x);
  for (const f of treated.features) t.objectStore('treated').put({ id: f.properties.id, revision: 1, feature: f });
  await new Promise((resolve) => (t.oncomplete = resolve));
  db.close();
}

const parcelIds = (store: FieldStore): string[] => store.getSnapshot().programme.parcels.features.map((f) => f.properties.id).sort();
const zoneIds = (store: FieldStore): string[] => store.getSnapshot().programme.zones.features.map((f) => f.properties.id).sort();

describe('schema version 4 (programme data)', () => {
  it('keeps imported parcels and zones as programme data: in the programme, in a backup, and through a newer demo', async () => {
    const seed = fieldProgramme();
    const database = testDatabase(seed);
    await writeVersion3(database.factory, database.dbName, seed);

    const upgraded = await database.open();
    expect(parcelIds(upgraded)).toEqual(['IMP-P1', 'T-M1-P1', 'T-M2-P1']);
    expect(zoneIds(upgraded)).toEqual(['IMP-Z1', 'T-Z1']);
    expect(upgraded.getSnapshot().clock).toBe(3); // the same seed: nothing reseeded

    const files = unzipSync((await upgraded.exportBackup()).bytes);
    const backedParcels = JSON.parse(strFromU8(files['parcels.json']!)) as ParcelFeature[];
    const backedZones = JSON.parse(strFromU8(files['zones.json']!)) as ZoneFeature[];
    expect(backedParcels.find((p) => p.properties.id === 'IMP-P1')).toEqual(importedParcel);
    expect(backedZones.find((z) => z.properties.id === 'IMP-Z1')).toEqual(importedZone);
    const part = JSON.parse(strFromU8(files['programme.json']!)) as { seed_ids: string[] };
    expect(part.seed_ids.sort()).toEqual(['mines/T-M1', 'mines/T-M2', 'parcels/T-M1-P1', 'parcels/T-M2-P1', 'programme/header', 'townships/T-TS1', 'zones/T-Z1']);
    await upgraded.close();

    // A newer demo drops one of its parcels and its zone, adds a parcel, and renames itself.
    const base = fieldProgramme();
    const newer: Programme = {
      ...base, name: '测试方案（新版）',
      parcels: { type: 'FeatureCollection', features: [base.parcels.features[0]!, { ...base.parcels.features[1]!, properties: { ...base.parcels.features[1]!.properties, id: 'T-M2-P2' } }] },
      zones: { type: 'FeatureCollection', features: [] },
    };
    const reseeded = await database.open({ programme: newer });
    open.push(reseeded);
    expect(parcelIds(reseeded)).toEqual(['IMP-P1', 'T-M1-P1', 'T-M2-P2']);
    expect(zoneIds(reseeded)).toEqual(['IMP-Z1']);
    expect(reseeded.getSnapshot().programme.name).toBe('测试方案（新版）');
    expect(reseeded.getSnapshot().programme.parcels.features.find((p) => p.properties.id === 'IMP-P1')).toEqual(importedParcel);
  });

  it('opened without a seed, marks every record as user data', async () => {
    const seed = fieldProgramme();
    const database = testDatabase(seed);
    await writeVersion3(database.factory, database.dbName, seed);
    const store = await database.open({ programme: undefined, programmeId: seed.id });
    open.push(store);
    const part = JSON.parse(strFromU8(unzipSync((await store.exportBackup()).bytes)['programme.json']!)) as { seed_ids: string[] };
    expect(part.seed_ids).toEqual([]);
    expect(parcelIds(store)).toEqual(['IMP-P1', 'T-M1-P1', 'T-M2-P1']);
  });
});
