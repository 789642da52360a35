// The basemap store for this browser (or another shelf's: the review's imagery): OPFS when a
// page can write to it, else IndexedDB.
import type { PmtilesSummary } from '../../io/pmtiles/pmtiles-types.ts';
import { BASEMAP_SHELF, BasemapStoreError, type BasemapStore, type StoreShelf } from './basemap-store.ts';
import { IdbBasemapStore } from './idb-basemap-store.ts';
import { OpfsBasemapStore } from './opfs-basemap-store.ts';

export async function openBasemapStore<S = PmtilesSummary>(shelf: StoreShelf = BASEMAP_SHELF): Promise<BasemapStore<S>> {
  const opfs = await OpfsBasemapStore.open<S>(undefined, shelf);
  if (opfs) return opfs;
  const idb = await IdbBasemapStore.open<S>(undefined, shelf).catch(() => null);
  if (idb) return idb;
  throw new BasemapStoreError('unavailable', 'This browser offers neither the Origin Private File System nor IndexedDB (a private window?), so basemaps cannot be kept.');
}
