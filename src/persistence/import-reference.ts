// Imported parcels or protection zones enter the stored programme's reference layers in one
// transaction: every feature or none. Ids already stored are refused, not overwritten (the
// import dialog has already reported them as duplicates).
import type { IDBPDatabase } from 'idb';
import type { ParcelFeature, ZoneFeature } from '../domain/model.ts';
import { FieldStoreError } from './field-store-error.ts';
import { writeTransaction } from './field-transaction.ts';
import type { FieldDB } from './schema.ts';

export type ReferenceImport = { layer: 'parcels'; features: readonly ParcelFeature[] } | { layer: 'zones'; features: readonly ZoneFeature[] };

/** Resolves with the database clock the import committed. */
export function writeReferenceImport(db: IDBPDatabase<FieldDB>, data: ReferenceImport): Promise<number> {
  return writeTransaction(db, ['meta', data.layer], `the imported ${data.layer}`, async (transaction) => {
    const store = transaction.objectStore(data.layer);
    const existing = new Set(await store.getAllKeys());
    const taken = data.features.map((f) => f.properties.id).filter((id) => existing.has(id));
    if (taken.length > 0) {
      throw new FieldStoreError('already_exists', `The import was refused: ${taken.length} ${data.layer} already exist (${taken.slice(0, 3).join(', ')}${taken.length > 3 ? ', …' : ''}); nothing was imported.`);
    }
    for (const feature of data.features) await store.put(feature as ParcelFeature & ZoneFeature);
    const meta = await transaction.objectStore('meta').get('field');
    if (!meta) throw new FieldStoreError('transaction_failed', 'The database has no programme; nothing was imported.');
    meta.clock += 1;
    await transaction.objectStore('meta').put(meta, 'field');
    return meta.clock;
  });
}
