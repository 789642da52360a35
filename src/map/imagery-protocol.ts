// Imagery files on the map: a MapLibre protocol, fulv-imagery://<key>/{z}/{x}/{y}, answering each
// tile request from the opened file (io/imagery) — stored PNG/JPEG/WebP bytes as they are, a
// GeoTIFF's drawn pixels as a decoded bitmap — so no tile is ever fetched from the network.
import { addProtocol, type AddProtocolAction } from 'maplibre-gl';
import type { ImageryTiles } from '../io/imagery/imagery-types.ts';

const PROTOCOL = 'fulv-imagery';
const served = new Map<string, ImageryTiles>();
let registered = false;

const load: AddProtocolAction = async (request, abort) => {
  const match = /^fulv-imagery:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(request.url);
  const tiles = match ? served.get(match[1]!) : undefined;
  // A file let go of while its last tiles were on their way: nothing to draw.
  if (!match || !tiles) return { data: new ArrayBuffer(0) };
  const tile = await tiles.tile(Number(match[2]), Number(match[3]), Number(match[4]), abort.signal);
  if (!tile) return { data: new ArrayBuffer(0) };
  if (tile.kind === 'pixels') return { data: await createImageBitmap(new ImageData(tile.rgba, tile.size, tile.size)) };
  return { data: tile.bytes.slice().buffer };
};

/** Serves a file's tiles under `key` (unique to this opening); returns the source's tile URL. */
export function serveImagery(key: string, tiles: ImageryTiles): string {
  if (!registered) {
    addProtocol(PROTOCOL, load);
    registered = true;
  }
  served.set(key, tiles);
  return `${PROTOCOL}://${key}/{z}/{x}/{y}`;
}

export function stopServingImagery(key: string): void {
  served.get(key)?.close();
  served.delete(key);
}
