// The basemap store for this browser: OPFS when a page can write to it, else IndexedDB.
import { BasemapStoreError, type BasemapStore } from './basemap-store.ts';
import { IdbBasemapStore } from './idb-basemap-store.ts';
import { OpfsBasemapStore } from './opfs-basemap-store.ts';

export async function openBasemapStore(): Promise<BasemapStore> {
  const opfs = await OpfsBasemapStore.open();
  if (opfs) return opfs;
  const idb = await IdbBasemapStore.open().catch(() => null);
  if (idb) return idb;
  throw new BasemapStoreError('unavailable', 'This browser offers neither the Origin Private File System nor IndexedDB (a private window?), so basemaps cannot be kept.');
}
