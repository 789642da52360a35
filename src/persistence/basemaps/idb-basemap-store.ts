// Basemaps in an IndexedDB database of their own ("fulv-basemaps", not the field database): the
// description and the archive Blob written in one transaction. Used where OPFS is missing. The
// review's imagery files use the same schema in a database of their own ("fulv-imagery").
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PmtilesSummary } from '../../io/pmtiles/pmtiles-types.ts';
import { BASEMAP_SHELF, newBasemapId, storeError, type BasemapStore, type StoredBasemap, type StoreShelf } from './basemap-store.ts';

/**
 * The schema is a contract with every browser that already stored basemaps: bump the version
 * and add an upgrade step for any change, never edit version 1's.
 */
const DB_VERSION = 1;

interface BasemapDB<S> extends DBSchema {
  basemaps: { key: string; value: StoredBasemap<S> };
  files: { key: string; value: Blob };
}

export class IdbBasemapStore<S = PmtilesSummary> implements BasemapStore<S> {
  readonly kind = 'indexeddb';

  private constructor(private readonly db: IDBPDatabase<BasemapDB<S>>) {}

  static async open<S = PmtilesSummary>(factory: IDBFactory | undefined = globalThis.indexedDB, shelf: StoreShelf = BASEMAP_SHELF): Promise<IdbBasemapStore<S> | null> {
    if (!factory) return null;
    // idb's openDB uses the global indexedDB; tests pass their own factory through globalThis.
    const db = await openDB<BasemapDB<S>>(shelf.database, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('basemaps', { keyPath: 'id' });
          database.createObjectStore('files');
        }
      },
    });
    return new IdbBasemapStore<S>(db);
  }

  async list(): Promise<StoredBasemap<S>[]> {
    return (await this.db.getAll('basemaps')).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  async add(file: Blob, fileName: string, summary: S, now = new Date()): Promise<StoredBasemap<S>> {
    const stored: StoredBasemap<S> = { id: newBasemapId(now), fileName, summary, addedAt: now.toISOString() };
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
