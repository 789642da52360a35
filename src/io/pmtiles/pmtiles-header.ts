// The fixed 127-byte header of a PMTiles v3 archive, checked before anything else reads the file:
// the magic, the version, that every section lies inside the file, and that its compression and
// tile type are ones a browser can use. Each refusal says exactly what is wrong.
import { pmtilesProblem, type PmtilesCheck, type TileFormat } from './pmtiles-types.ts';

export const HEADER_BYTES = 127;
/** The spec puts the header and root directory within the first 16 KiB, read in one go. */
export const ROOT_LIMIT = 16_384;

export interface RawHeader {
  rootOffset: number; rootLength: number;
  metadataOffset: number; metadataLength: number;
  leafOffset: number; leafLength: number;
  tileDataOffset: number; tileDataLength: number;
  addressedTiles: number;
  internalCompression: number; tileCompression: number; tileType: number;
  minZoom: number; maxZoom: number;
  bounds: [number, number, number, number];
  centerZoom: number; center: [number, number];
}

const TILE_TYPES: Record<number, TileFormat> = { 1: 'mvt', 2: 'png', 3: 'jpg', 4: 'webp', 5: 'avif' };
/** 1 = none, 2 = gzip: what DecompressionStream reads in every browser. */
const READABLE_COMPRESSION = new Set([1, 2]);

function u64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

export function tileFormat(tileType: number): TileFormat | null {
  return TILE_TYPES[tileType] ?? null;
}

/** `head` is the start of the file (at least the header, if the file is that long). */
export function checkHeader(head: ArrayBuffer, fileSize: number): PmtilesCheck | RawHeader {
  if (fileSize === 0) return pmtilesProblem('empty_file', 'The file is empty.');
  const bytes = new Uint8Array(head);
  const magic = String.fromCharCode(...bytes.subarray(0, 7));
  if (magic !== 'PMTiles') {
    // Versions 1 and 2 start with "PM" and a 16-bit version number.
    if (bytes[0] === 0x50 && bytes[1] === 0x4d && (bytes[2] === 1 || bytes[2] === 2) && bytes[3] === 0) {
      return pmtilesProblem('unsupported_version', `This is a PMTiles version ${bytes[2]} archive; convert it to version 3 (pmtiles convert).`);
    }
    return pmtilesProblem('not_pmtiles', 'The file does not start with the PMTiles signature.');
  }
  if (fileSize < HEADER_BYTES || head.byteLength < HEADER_BYTES) return pmtilesProblem('truncated', `The file ends inside its header (${fileSize} bytes).`);
  const view = new DataView(head);
  const version = view.getUint8(7);
  if (version !== 3) return pmtilesProblem('unsupported_version', `PMTiles spec version ${version}; Fulv reads version 3.`);
  const header: RawHeader = {
    rootOffset: u64(view, 8), rootLength: u64(view, 16),
    metadataOffset: u64(view, 24), metadataLength: u64(view, 32),
    leafOffset: u64(view, 40), leafLength: u64(view, 48),
    tileDataOffset: u64(view, 56), tileDataLength: u64(view, 64),
    addressedTiles: u64(view, 72),
    internalCompression: view.getUint8(97), tileCompression: view.getUint8(98), tileType: view.getUint8(99),
    minZoom: view.getUint8(100), maxZoom: view.getUint8(101),
    bounds: [view.getInt32(102, true) / 1e7, view.getInt32(106, true) / 1e7, view.getInt32(110, true) / 1e7, view.getInt32(114, true) / 1e7],
    centerZoom: view.getUint8(118), center: [view.getInt32(119, true) / 1e7, view.getInt32(123, true) / 1e7],
  };
  const sections: [string, number, number][] = [
    ['root directory', header.rootOffset, header.rootLength],
    ['metadata', header.metadataOffset, header.metadataLength],
    ['leaf directories', header.leafOffset, header.leafLength],
    ['tile data', header.tileDataOffset, header.tileDataLength],
  ];
  for (const [name, offset, length] of sections) {
    if (length > 0 && offset + length > fileSize) {
      return pmtilesProblem('truncated', `The ${name} runs to byte ${offset + length} but the file has ${fileSize} bytes.`);
    }
  }
  if (header.rootLength === 0 || header.rootOffset + header.rootLength > ROOT_LIMIT) {
    return pmtilesProblem('bad_directory', 'The root directory is missing or not within the first 16 KiB.');
  }
  if (!READABLE_COMPRESSION.has(header.internalCompression) || !READABLE_COMPRESSION.has(header.tileCompression)) {
    return pmtilesProblem('unsupported_compression', `Compression ${header.internalCompression}/${header.tileCompression}; only none and gzip can be read in a browser.`);
  }
  if (!tileFormat(header.tileType)) {
    return pmtilesProblem('unsupported_tile_type', `Tile type ${header.tileType}; Fulv shows vector (MVT) and PNG, JPEG, WebP or AVIF tiles.`);
  }
  if (header.minZoom > header.maxZoom || header.maxZoom > 30) {
    return pmtilesProblem('bad_directory', `Zoom levels ${header.minZoom}–${header.maxZoom} make no sense.`);
  }
  return header;
}

export function isRawHeader(value: PmtilesCheck | RawHeader): value is RawHeader {
  return !('ok' in value);
}
