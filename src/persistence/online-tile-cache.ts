// Tiles of the user's online basemap kept for offline use, in the Cache API under one cache
// name, each under its own URL. Only tiles of an area the user picked are stored, up to a stated
// limit; tiles merely viewed online are not, so the cache's size stays what the user chose. The
// count and size are kept in an index entry, so showing them reads one small record.
const CACHE = 'fulv-online-tiles-v1';
const INDEX = '/__fulv-online-tiles-index';

export const TILE_CACHE_LIMITS = { tiles: 3000, bytes: 150 * 1024 * 1024 } as const;

export interface TileCacheSummary {
  tiles: number;
  bytes: number;
}

export interface CacheRun extends TileCacheSummary {
  failed: number;
  /** True when the byte limit stopped the run before every tile was stored. */
  stoppedAtLimit: boolean;
}

function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

export async function tileCacheSummary(): Promise<TileCacheSummary> {
  const storage = cacheStorage();
  if (!storage || !(await storage.has(CACHE))) return { tiles: 0, bytes: 0 };
  const index = await (await storage.open(CACHE)).match(INDEX);
  return index ? ((await index.json()) as TileCacheSummary) : { tiles: 0, bytes: 0 };
}

/** The stored tile for a URL, or null; never goes to the network. */
export async function cachedTile(url: string): Promise<ArrayBuffer | null> {
  const storage = cacheStorage();
  if (!storage) return null;
  const hit = await storage.match(url, { cacheName: CACHE });
  return hit ? hit.arrayBuffer() : null;
}

/**
 * Downloads and stores the tiles (already within the tile limit), a few at a time, until all are
 * stored, the byte limit is reached or `signal` aborts. Tiles already stored are not fetched again.
 */
export async function cacheTiles(urls: readonly string[], options: { signal?: AbortSignal; onProgress?: (done: number) => void; parallel?: number } = {}): Promise<CacheRun> {
  const storage = cacheStorage();
  if (!storage) throw new Error('This browser has no Cache API (it needs a secure context: https or localhost).');
  const cache = await storage.open(CACHE);
  const summary = await tileCacheSummary();
  const run: CacheRun = { ...summary, failed: 0, stoppedAtLimit: false };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < urls.length && !run.stoppedAtLimit && !options.signal?.aborted) {
      const url = urls[next++]!;
      try {
        if (!(await cache.match(url))) {
          const response = await fetch(url, { signal: options.signal, mode: 'cors', credentials: 'omit' });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const body = await response.arrayBuffer();
          if (run.bytes + body.byteLength > TILE_CACHE_LIMITS.bytes) {
            run.stoppedAtLimit = true;
            break;
          }
          await cache.put(url, new Response(body, { headers: { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' } }));
          run.tiles += 1;
          run.bytes += body.byteLength;
        }
      } catch {
        if (options.signal?.aborted) break;
        run.failed += 1;
      }
      options.onProgress?.(++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.parallel ?? 6 }, worker));
  } finally {
    await cache.put(INDEX, new Response(JSON.stringify({ tiles: run.tiles, bytes: run.bytes })));
  }
  return run;
}

export async function clearTileCache(): Promise<void> {
  await cacheStorage()?.delete(CACHE);
}
