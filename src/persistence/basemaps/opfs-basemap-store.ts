// Basemaps in the Origin Private File System: `<id>.pmtiles` holds the archive, written as a
// stream from the opened file, and `<id>.json` its description, written last, so an archive
// whose write was cut short is never listed. Other shelves (the review's imagery) have their own
// folder and suffix.
import type { PmtilesSummary } from '../../io/pmtiles/pmtiles-types.ts';
import { BASEMAP_SHELF, newBasemapId, storeError, type BasemapStore, type StoredBasemap, type StoreShelf } from './basemap-store.ts';

/** Directory listing, typed here because TypeScript's DOM library lacks its async iterators. */
type Listable = FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Blob | string): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(data);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

export class OpfsBasemapStore<S = PmtilesSummary> implements BasemapStore<S> {
  readonly kind = 'opfs';

  private constructor(private readonly dir: FileSystemDirectoryHandle, private readonly suffix: string) {}

  /** Null when this browser has no OPFS, or cannot write to it from a page. */
  static async open<S = PmtilesSummary>(storage: StorageManager | undefined = globalThis.navigator?.storage, shelf: StoreShelf = BASEMAP_SHELF): Promise<OpfsBasemapStore<S> | null> {
    try {
      if (!storage || typeof storage.getDirectory !== 'function') return null;
      const root = await storage.getDirectory();
      const dir = await root.getDirectoryHandle(shelf.folder, { create: true });
      const probe = await dir.getFileHandle('.probe', { create: true });
      // Safari before 18 writes OPFS only from workers (createWritable is missing on pages).
      if (typeof probe.createWritable !== 'function') return null;
      return new OpfsBasemapStore<S>(dir, shelf.suffix);
    } catch {
      return null;
    }
  }

  async list(): Promise<StoredBasemap<S>[]> {
    const out: StoredBasemap<S>[] = [];
    for await (const name of (this.dir as Listable).keys()) {
      if (!name.endsWith('.json')) continue;
      try {
        const text = await (await (await this.dir.getFileHandle(name)).getFile()).text();
        out.push(JSON.parse(text) as StoredBasemap<S>);
      } catch {
        // A description being written by another tab right now; it shows up on the next listing.
      }
    }
    return out.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  async add(file: Blob, fileName: string, summary: S, now = new Date()): Promise<StoredBasemap<S>> {
    const stored: StoredBasemap<S> = { id: newBasemapId(now), fileName, summary, addedAt: now.toISOString() };
    try {
      await writeFile(this.dir, `${stored.id}${this.suffix}`, file);
      await writeFile(this.dir, `${stored.id}.json`, JSON.stringify(stored));
      return stored;
    } catch (error) {
      await this.remove(stored.id).catch(() => undefined);
      throw storeError(error, `“${fileName}”`);
    }
  }

  async file(id: string): Promise<Blob | null> {
    try {
      return await (await this.dir.getFileHandle(`${id}${this.suffix}`)).getFile();
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    // The description goes first: a half-removed basemap is then never listed.
    for (const name of [`${id}.json`, `${id}${this.suffix}`]) {
      await this.dir.removeEntry(name).catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
      });
    }
  }
}
