// The IndexedDB fallback of the basemap store (OPFS is tested in the browser, tests/e2e): an
// archive and its description are kept together, listed oldest first, read back and removed; the
// review's imagery shelf keeps its own files apart.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkPmtiles } from '../../../src/io/pmtiles/check-pmtiles.ts';
import { IdbBasemapStore } from '../../../src/persistence/basemaps/idb-basemap-store.ts';
import { BasemapStoreError, IMAGERY_SHELF, storeError } from '../../../src/persistence/basemaps/basemap-store.ts';
import { basemapFixture } from '../../helpers/pmtiles/basemap-fixture.ts';

describe('the IndexedDB basemap store', () => {
  it('keeps archives with their descriptions, oldest first, until removed', async () => {
    const store = (await IdbBasemapStore.open())!;
    const bytes = basemapFixture();
    const check = await checkPmtiles(new Blob([bytes]));
    if (!check.ok) throw new Error(check.reason);
    const first = await store.add(new Blob([bytes]), 'county.pmtiles', check.value, new Date('2025-05-01T08:00:00Z'));
    const second = await store.add(new Blob([bytes.slice(0, 10)]), 'other.pmtiles', check.value, new Date('2025-05-02T08:00:00Z'));
    expect((await store.list()).map((b) => b.fileName)).toEqual(['county.pmtiles', 'other.pmtiles']);
    const back = await store.file(first.id);
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(bytes);
    await store.remove(first.id);
    expect((await store.list()).map((b) => b.id)).toEqual([second.id]);
    expect(await store.file(first.id)).toBeNull();
    store.close();
  });

  it('keeps the imagery shelf apart from the basemaps, with its own descriptions', async () => {
    const basemaps = (await IdbBasemapStore.open())!;
    const imagery = (await IdbBasemapStore.open<{ side: string }>(undefined, IMAGERY_SHELF))!;
    const before = (await basemaps.list()).length;
    const kept = await imagery.add(new Blob([new Uint8Array([1, 2, 3])]), '2019.tif', { side: 'before' });
    expect((await imagery.list()).map((i) => [i.fileName, i.summary.side])).toEqual([['2019.tif', 'before']]);
    expect(await basemaps.list()).toHaveLength(before);
    expect(await basemaps.file(kept.id)).toBeNull();
    await imagery.remove(kept.id);
    expect(await imagery.list()).toEqual([]);
    basemaps.close();
    imagery.close();
  });

  it('reports a full disk as quota_exceeded', () => {
    const error = storeError(new DOMException('full', 'QuotaExceededError'), '“x.pmtiles”');
    expect(error).toBeInstanceOf(BasemapStoreError);
    expect(error.code).toBe('quota_exceeded');
    expect(storeError(new Error('disk on fire'), 'x').code).toBe('write_failed');
  });
});
