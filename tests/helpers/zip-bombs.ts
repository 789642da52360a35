// Hostile zips made in the test, in milliseconds: a piece of text is deflated once with a full
// flush (the piece ends byte-aligned and refers to nothing before it), so N copies of it laid
// end to end are one valid deflate stream of N times the text (RFC 1951 §3.2.3). The zip around
// it is written field by field (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16) so that its central
// directory can state any sizes, true or not.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface BombEntry {
  name: string;
  head?: string;
  /** Repeated `times` times between head and tail. */
  unit: Uint8Array;
  times: number;
  tail?: string;
  /** Uncompressed size to state in the headers instead of the true one. */
  declaredSize?: number;
}

const encoder = new TextEncoder();

function flushed(bytes: Uint8Array): Buffer {
  return deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

export function bombData(entry: BombEntry): { data: Uint8Array; size: number; crc: number } {
  const head = encoder.encode(entry.head ?? '');
  const tail = encoder.encode(entry.tail ?? '');
  const unit = flushed(entry.unit);
  const parts: Uint8Array[] = [flushed(head), ...Array.from({ length: entry.times }, () => unit), deflateRawSync(tail)];
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  // Node's crc32 of no bytes answers 0 whatever the running value: empty pieces are skipped.
  let crc = 0;
  for (const piece of [head, ...Array.from({ length: entry.times }, () => entry.unit), tail]) if (piece.length > 0) crc = crc32(piece, crc);
  return { data, size: head.length + entry.unit.length * entry.times + tail.length, crc };
}

/**
 * A zip of deflated entries whose headers state `declaredSize` where one is given. With `zip64`,
 * sizes and offsets go in Zip64 extra fields and records (APPNOTE 4.3.14, 4.3.15, 4.5.3), as
 * streaming writers put them even for small files.
 */
export function bombZip(entries: readonly BombEntry[], { zip64 = false } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const FULL = 0xffffffff;
  for (const entry of entries) {
    const { data, size, crc } = bombData(entry);
    const name = encoder.encode(entry.name);
    const stated = entry.declaredSize ?? size;
    const localExtra = new DataView(new ArrayBuffer(zip64 ? 20 : 0));
    if (zip64) {
      localExtra.setUint16(0, 1, true);
      localExtra.setUint16(2, 16, true);
      localExtra.setBigUint64(4, BigInt(stated), true);
      localExtra.setBigUint64(12, BigInt(data.length), true);
    }
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, zip64 ? 45 : 20, true);
    local.setUint16(6, 0x800, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, zip64 ? FULL : data.length, true);
    local.setUint32(22, zip64 ? FULL : stated, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, localExtra.byteLength, true);
    locals.push(new Uint8Array(local.buffer), name, new Uint8Array(localExtra.buffer), data);
    const centralExtra = new DataView(new ArrayBuffer(zip64 ? 28 : 0));
    if (zip64) {
      centralExtra.setUint16(0, 1, true);
      centralExtra.setUint16(2, 24, true);
      centralExtra.setBigUint64(4, BigInt(stated), true);
      centralExtra.setBigUint64(12, BigInt(data.length), true);
      centralExtra.setBigUint64(20, BigInt(offset), true);
    }
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, zip64 ? 45 : 20, true);
    central.setUint16(6, zip64 ? 45 : 20, true);
    central.setUint16(8, 0x800, true);
    central.setUint16(10, 8, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, zip64 ? FULL : data.length, true);
    central.setUint32(24, zip64 ? FULL : stated, true);
    central.setUint16(28, name.length, true);
    central.setUint16(30, centralExtra.byteLength, true);
    central.setUint32(42, zip64 ? FULL : offset, true);
    centrals.push(new Uint8Array(central.buffer), name, new Uint8Array(centralExtra.buffer));
    offset += 30 + name.length + localExtra.byteLength + data.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const tail: Uint8Array[] = [];
  if (zip64) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(entries.length), true);
    record.setBigUint64(32, BigInt(entries.length), true);
    record.setBigUint64(40, BigInt(directorySize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + directorySize), true);
    locator.setUint32(16, 1, true);
    tail.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, zip64 ? 0xffff : entries.length, true);
  end.setUint16(10, zip64 ? 0xffff : entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, zip64 ? FULL : offset, true);
  const parts = [...locals, ...centrals, ...tail, new Uint8Array(end.buffer)];
  const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    zip.set(p, at);
    at += p.length;
  }
  return zip;
}

export const MB = 1024 * 1024;

/** 4 MB of spaces: 175 of them are the 700 MB of the KMZ. */
export const SPACES = new Uint8Array(4 * MB).fill(0x20);

export const KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>';
export const KML_TAIL = '</Document></kml>';
