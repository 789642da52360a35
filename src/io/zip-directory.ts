// A zip's central directory (PKWARE APPNOTE 4.3.12–4.3.16, with the Zip64 records of 4.3.14 and
// 4.5.3): each entry's name, method, sizes and where its data starts. The sizes are only what the
// archive claims; zip-archive.ts holds the inflated bytes to them.
import { decodeText, isValidUtf8 } from './text-encoding.ts';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  /** The CRC-32 of the uncompressed bytes, as recorded. */
  crc: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  size: number;
  /** Offset of the entry's local file header. */
  headerOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipFormatError extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number): number {
  const value = v.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a Zip64 size or offset is out of range');
  return Number(value);
}

function need(bytes: Uint8Array, end: number, what: string): void {
  if (end > bytes.length) throw new ZipFormatError(`the ${what} runs past the end of the file`);
}

/**
 * fflate's convention aside, names without the UTF-8 flag are GBK on Chinese Windows (图斑.shp);
 * valid UTF-8 is taken as such, as other tools write it without setting the flag.
 */
function entryName(raw: Uint8Array, utf8Flag: boolean): string {
  return decodeText(raw, utf8Flag || isValidUtf8(raw) ? 'utf-8' : 'gbk');
}

function endOfDirectory(bytes: Uint8Array): { count: number; offset: number } {
  const v = view(bytes);
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (v.getUint32(at, true) !== EOCD) continue;
    let count = v.getUint16(at + 10, true);
    let offset = v.getUint32(at + 16, true);
    if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && v.getUint32(at - 20, true) === ZIP64_LOCATOR) {
      const z = u64(v, at - 12);
      need(bytes, z + 56, 'Zip64 end record');
      if (v.getUint32(z, true) !== ZIP64_EOCD) throw new ZipFormatError('the Zip64 end record is missing');
      count = u64(v, z + 32);
      offset = u64(v, z + 48);
    }
    return { count, offset };
  }
  throw new ZipFormatError('no end-of-central-directory record (the file is cut off or not a zip)');
}

/** Zip64 extra field: the 64-bit values of those fields that are 0xFFFFFFFF, in this order. */
function zip64Sizes(v: DataView, extra: number, extraEnd: number, sizes: { size: number; compressedSize: number; headerOffset: number }): void {
  for (let at = extra; at + 4 <= extraEnd;) {
    const id = v.getUint16(at, true);
    const length = v.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'headerOffset'] as const) {
        if (sizes[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + length) throw new ZipFormatError('a Zip64 extra field is too short');
        sizes[key] = u64(v, field);
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
}

export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const v = view(bytes);
  const { count, offset } = endOfDirectory(bytes);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    need(bytes, at + 46, 'central directory');
    if (v.getUint32(at, true) !== CENTRAL) throw new ZipFormatError('the central directory is damaged');
    const flags = v.getUint16(at + 8, true);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    need(bytes, at + 46 + nameLength + extraLength, 'central directory');
    const sizes = { compressedSize: v.getUint32(at + 20, true), size: v.getUint32(at + 24, true), headerOffset: v.getUint32(at + 42, true) };
    const extra = at + 46 + nameLength;
    zip64Sizes(v, extra, extra + extraLength, sizes);
    entries.push({
      name: entryName(bytes.subarray(at + 46, extra), (flags & 0x800) !== 0),
      method: v.getUint16(at + 10, true),
      encrypted: (flags & 1) !== 0,
      crc: v.getUint32(at + 16, true),
      ...sizes,
    });
    at = extra + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const v = view(bytes);
  need(bytes, entry.headerOffset + 30, `local header of ${entry.name}`);
  if (v.getUint32(entry.headerOffset, true) !== LOCAL) throw new ZipFormatError(`the local header of ${entry.name} is damaged`);
  const start = entry.headerOffset + 30 + v.getUint16(entry.headerOffset + 26, true) + v.getUint16(entry.headerOffset + 28, true);
  need(bytes, start + entry.compressedSize, `data of ${entry.name}`);
  return bytes.subarray(start, start + entry.compressedSize);
}
