// A small hand-made programme and helpers for the store and persistence tests. Every test gets
// its own fake IndexedDB factory and database name, so no state leaks between tests; fixtures
// are frozen so that a mutation by the code under test fails the test.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Polygon } from 'geojson';
import type { Programme, TreatedFeature, TreatedProperties } from '../../src/domain/model.ts';
import { openFieldStore, type FieldStore, type FieldStoreOptions } from '../../src/persistence/field-store.ts';
import type { FieldSnapshot } from '../../src/store/field-snapshot.ts';
import { referenceContext } from '../../src/store/reference-context.ts';
import { deepFreeze, rect } from './analysis-features.ts';

/** A fixed "now": 2025-11-20 10:00 in Beijing. */
export const NOW = new Date('2025-11-20T02:00:00Z');
export const now = (): Date => NOW;

export const SQUARE_1 = rect(118.50, 40.10, 118.51, 40.11);
export const SQUARE_2 = rect(118.52, 40.10, 118.53, 40.11);
export const SQUARE_3 = rect(118.54, 40.10, 118.55, 40.11);
export const BOW_TIE: Polygon = { type: 'Polygon', coordinates: [[[118.5, 40.1], [118.51, 40.11], [118.51, 40.1], [118.5, 40.11], [118.5, 40.1]]] };

export function treatedFeature(id: string, properties: Partial<TreatedProperties> = {}, geometry: Polygon = SQUARE_1): TreatedFeature {
  return deepFreeze({
    type: 'Feature',
    properties: {
      id, parcel_id: 'T-M1-P1', mine_id: 'T-M1', date: '2025-06-01', measure: 'vegetation', direction: 'forest', surveyor: '赵军', note: '', ...properties,
    },
    geometry,
  });
}

export function fieldProgramme(treated: TreatedFeature[] = [treatedFeature('T-T1'), treatedFeature('T-T2', {}, SQUARE_2)], id = 'TEST'): Programme {
  return deepFreeze({
    id,
    name: '测试方案',
    name_en: 'Test programme',
    county: '测试县',
    townships: [{ id: 'T-TS1', name: '甲镇', name_en: 'Jia' }],
    mines: [
      { id: 'T-M1', name: '甲矿', name_en: 'Mine 1', mineral: '铁矿', township_id: 'T-TS1', category: 'abandoned', responsible_party: null, location: [118.505, 40.105] },
      { id: 'T-M2', name: '乙矿', name_en: 'Mine 2', mineral: '石灰岩', township_id: 'T-TS1', category: 'producing', responsible_party: '乙公司', location: [118.525, 40.105] },
    ],
    parcels: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'T-M1-P1', mine_id: 'T-M1', name: '采场', damage_type: 'open_pit', direction: 'forest', status: 'in_progress', tbdl: '10', note: '' }, geometry: rect(118.49, 40.09, 118.56, 40.12) },
        { type: 'Feature', properties: { id: 'T-M2-P1', mine_id: 'T-M2', name: '排土场', damage_type: 'waste_dump', direction: 'grassland', status: 'untreated', tbdl: '30', note: '' }, geometry: rect(118.60, 40.09, 118.61, 40.10) },
      ],
    },
    treated: { type: 'FeatureCollection', features: treated },
    zones: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'T-Z1', name: '保护区', name_en: 'Reserve', zone_type: 'nature_reserve', note: '' }, geometry: rect(118.7, 40.2, 118.8, 40.3) }] },
    targets: { rows: [{ township_id: 'T-TS1', category_group: 'producing', year: 2025, target_mu: 40 }], stated_totals: [{ year: 2025, target_mu: 40 }], source: 'test' },
  });
}

export const reference = referenceContext(fieldProgramme(), NOW);

let counter = 0;
export const uniqueDbName = (): string => `fulv-test-${++counter}-${Math.random().toString(36).slice(2)}`;

export interface TestDatabase {
  factory: IDBFactory;
  dbName: string;
  open(options?: Partial<FieldStoreOptions>): Promise<FieldStore>;
}

/** A fresh fake IndexedDB with one database name; open() may be called repeatedly (reloads, tabs). */
export function testDatabase(programme: Programme = fieldProgramme()): TestDatabase {
  const factory = new IDBFactory();
  const dbName = uniqueDbName();
  return { factory, dbName, open: (options = {}) => openFieldStore({ programme, dbName, indexedDB: factory, now, ...options }) };
}

/** Resolves with the first snapshot (current or later) that satisfies `test`. */
export function snapshotWhere(store: FieldStore, test: (snapshot: FieldSnapshot) => boolean, timeoutMs = 2000): Promise<FieldSnapshot> {
  return new Promise((resolve, reject) => {
    if (test(store.getSnapshot())) return resolve(store.getSnapshot());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out waiting for a snapshot'));
    }, timeoutMs);
    const unsubscribe = store.subscribe(() => {
      if (!test(store.getSnapshot())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(store.getSnapshot());
    });
  });
}

export function image(bytes: number, type = 'image/jpeg'): Blob {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + 7) & 0xff;
  return new Blob([data], { type });
}
