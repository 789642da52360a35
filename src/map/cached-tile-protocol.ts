// Online basemap tiles pass through this protocol: a tile the user cached for offline use is
// answered from the cache (persistence/online-tile-cache.ts, passed in by the app), any other
// tile is fetched from its server as before. With the network off, cached areas still draw.
import { addProtocol, type GetResourceResponse } from 'maplibre-gl';

const SCHEME = 'fulvtile';
const PREFIX = `${SCHEME}://`;

export type TileLookup = (url: string) => Promise<ArrayBuffer | null>;

let lookup: TileLookup = async () => null;
let registered = false;

/** The template MapLibre is given for an online basemap URL template. */
export function cachedTileTemplate(template: string): string {
  if (!registered) {
    registered = true;
    addProtocol(SCHEME, async (params, abort): Promise<GetResourceResponse<ArrayBuffer>> => {
      const url = params.url.slice(PREFIX.length);
      const hit = await lookup(url).catch(() => null);
      if (hit) return { data: hit };
      const response = await fetch(url, { signal: abort.signal, mode: 'cors', credentials: 'omit' });
      if (!response.ok) throw new Error(`Tile ${url}: HTTP ${response.status}`);
      return { data: await response.arrayBuffer(), cacheControl: response.headers.get('cache-control'), expires: response.headers.get('expires') };
    });
  }
  return PREFIX + template;
}

/** Where cached tiles are looked up; set once by the app. */
export function setTileLookup(find: TileLookup): void {
  lookup = find;
}
