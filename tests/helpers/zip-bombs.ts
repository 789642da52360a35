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
  let crc = crc32(head);
  for (let i = 0; i < entry.times; i++) crc = crc32(entry.unit, crc);
  crc = crc32(tail, crc);
  return { data, size: head.length + entry.unit.length * entry.times + tail.length, crc };
}

/** A zip of deflated entries whose headers state `declaredSize` where one is given. */
export function bombZip(entries: readonly BombEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, size, crc } = bombData(entry);
    const name = encoder.encode(entry.name);
    const stated = entry.declaredSize ?? size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x800, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, stated, true);
    local.setUint16(26, name.length, true);
    locals.push(new Uint8Array(local.buffer), name, data);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x800, true);
    central.setUint16(10, 8, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, stated, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
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
