// Basemaps in an IndexedDB database of their own ("fulv-basemaps", not the field database): the
// description and the archive Blob written in one transaction. Used where OPFS is missing.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PmtilesSummary } from '../../io/pmtiles/pmtiles-types.ts';
import { newBasemapId, storeError, type BasemapStore, type StoredBasemap } from './basemap-store.ts';

/**
 * The schema is a contract with every browser that already stored basemaps: bump the version
 * and add an upgrade step for any change, never edit version 1's.
 */
const DB_NAME = 'fulv-basemaps';
const DB_VERSION = 1;

interface BasemapDB extends DBSchema {
  basemaps: { key: string; value: StoredBasemap };
  files: { key: string; value: Blob };
}

export class IdbBasemapStore implements BasemapStore {
  readonly kind = 'indexeddb';

  private constructor(private readonly db: IDBPDatabase<BasemapDB>) {}

  static async open(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IdbBasemapStore | null> {
    if (!factory) return null;
    // idb's openDB uses the global indexedDB; tests pass their own factory through globalThis.
    const db = await openDB<BasemapDB>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('basemaps', { keyPath: 'id' });
          database.createObjectStore('files');
        }
      },
    });
    return new IdbBasemapStore(db);
  }

  async list(): Promise<StoredBasemap[]> {
    return (await this.db.getAll('basemaps')).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  async add(file: Blob, fileName: string, summary: PmtilesSummary, now = new Date()): Promise<StoredBasemap> {
    const stored: StoredBasemap = { id: newBasemapId(now), fileName, summary, addedAt: now.toISOString() };
    try {
      const tx = this.db.transaction(['basemaps', 'files'], 'readwrite');
      await Promise.all([tx.objectStore('files').put(file, stored.id), tx.objectStore('basemaps').put(stored), tx.done]);
      return stored;
    } catch (error) {
      throw storeError(error, `“${fileName}”`);
    }
  }

  async file(id: string): Promise<Blob | null> {
    return (await this.db.get('files', id)) ?? null;
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['basemaps', 'files'], 'readwrite');
    await Promise.all([tx.objectStore('basemaps').delete(id), tx.objectStore('files').delete(id), tx.done]);
  }

  close(): void {
    this.db.close();
  }
}
