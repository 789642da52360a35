// Every record of a field database as it is on disk, read through a fresh connection opened by
// the app's own open function: what a refused restore must leave exactly as it was. Blobs are
// read to their bytes, since two Blobs compare equal whatever they hold.
import { openFieldDatabase } from '../../src/persistence/open-database.ts';
import type { TestDatabase } from './field-store.ts';

export type DatabaseRecords = Record<string, Array<{ key: unknown; value: unknown }>>;

async function withBlobBytes(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blobType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  if (Array.isArray(value)) return Promise.all(value.map(withBlobBytes));
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await withBlobBytes(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

export async function databaseRecords(database: Pick<TestDatabase, 'factory' | 'dbName'>): Promise<DatabaseRecords> {
  const db = await openFieldDatabase(database.factory, database.dbName, { onClosedForUpgrade: () => undefined, onTerminated: () => undefined });
  try {
    const records: DatabaseRecords = {};
    for (const name of [...db.objectStoreNames].sort()) {
      const keys = await db.getAllKeys(name);
      const values = await db.getAll(name);
      records[name] = await Promise.all(keys.map(async (key, i) => ({ key, value: await withBlobBytes(values[i]) })));
    }
    return records;
  } finally {
    db.close();
  }
}
