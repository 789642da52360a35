// A minimal PMTiles v3 writer for tests, following the spec
// (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte little-endian
// header, then the root directory, the JSON metadata, no leaf directories, and the tile data in
// tile-id order (clustered). Directories are varint-encoded columns (ids as deltas, run lengths,
// lengths, offsets with 0 meaning "right after the previous tile"). Debian has no tippecanoe.
import { gzipSync } from 'node:zlib';
import { tileId } from './hilbert-tile-id.ts';

export const TILE_TYPE = { mvt: 1, png: 2, jpg: 3, webp: 4, avif: 5 } as const;
export const COMPRESSION = { none: 1, gzip: 2 } as const;

export interface PackTile { z: number; x: number; y: number; data: Uint8Array }

export interface PackOptions {
  tileType: keyof typeof TILE_TYPE;
  /** How the tiles' bytes are compressed (they are passed in already so). */
  tileCompression: keyof typeof COMPRESSION;
  /** How the directory and metadata are compressed. */
  internalCompression?: keyof typeof COMPRESSION;
  bounds: [number, number, number, number];
  center?: [number, number, number];
  metadata?: Record<string, unknown>;
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

interface Entry { tileId: number; offset: number; length: number; runLength: number }

function directory(entries: Entry[]): Uint8Array {
  let last = 0;
  const ids = entries.map((e) => {
    const delta = e.tileId - last;
    last = e.tileId;
    return delta;
  });
  const offsets = entries.map((e, i) => (i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1));
  return Uint8Array.from(varints([entries.length, ...ids, ...entries.map((e) => e.runLength), ...entries.map((e) => e.length), ...offsets]));
}

function compress(bytes: Uint8Array, how: keyof typeof COMPRESSION): Uint8Array {
  return how === 'gzip' ? new Uint8Array(gzipSync(bytes)) : bytes;
}

export function packPmtiles(tiles: PackTile[], options: PackOptions): Uint8Array<ArrayBuffer> {
  const internal = options.internalCompression ?? 'gzip';
  const sorted = tiles.map((t) => ({ ...t, id: tileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of sorted) {
    entries.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
    offset += t.data.length;
  }
  const root = compress(directory(entries), internal);
  const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata ?? {})), internal);
  const tileData = new Uint8Array(offset);
  sorted.forEach((t, i) => tileData.set(t.data, entries[i]!.offset));

  const rootOffset = 127;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const tileDataOffset = leafOffset;
  if (leafOffset > 16_384) throw new Error('root directory too large for this test writer (no leaf directories)');
  const zooms = tiles.map((t) => t.z);
  const [west, south, east, north] = options.bounds;
  const center = options.center ?? [(west + east) / 2, (south + north) / 2, Math.min(...zooms)];

  const header = new DataView(new ArrayBuffer(127));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, v: number) => {
    header.setUint32(at, v % 2 ** 32, true);
    header.setUint32(at + 4, Math.floor(v / 2 ** 32), true);
  };
  u64(8, rootOffset); u64(16, root.length);
  u64(24, metadataOffset); u64(32, metadata.length);
  u64(40, leafOffset); u64(48, 0);
  u64(56, tileDataOffset); u64(64, tileData.length);
  u64(72, entries.length); u64(80, entries.length); u64(88, entries.length);
  header.setUint8(96, 1);
  header.setUint8(97, COMPRESSION[internal]);
  header.setUint8(98, COMPRESSION[options.tileCompression]);
  header.setUint8(99, TILE_TYPE[options.tileType]);
  header.setUint8(100, Math.min(...zooms));
  header.setUint8(101, Math.max(...zooms));
  const e7 = (at: number, v: number) => header.setInt32(at, Math.round(v * 1e7), true);
  e7(102, west); e7(106, south); e7(110, east); e7(114, north);
  header.setUint8(118, center[2]);
  e7(119, center[0]); e7(123, center[1]);

  const out = new Uint8Array(tileDataOffset + tileData.length);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  out.set(tileData, tileDataOffset);
  return out;
}
