// The .dbf attribute table (dBase III as Shapefiles use it). Text fields are bytes in some code
// page, named by the .cpg, by the language-driver byte, by the user, or by nobody; the bytes of
// all text are gathered first so that the encoding is decided once for the whole table.
import type { EncodingInfo, SourceProperties } from '../import-types.ts';
import { IoError } from '../io-result.ts';
import { mismatchFailure } from '../readers/decode-document.ts';
import { decodeText, detectEncoding, encodingMismatch, hasNonAscii, type TextEncodingName } from '../text-encoding.ts';

export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

export interface DbfContents {
  fields: DbfField[];
  records: SourceProperties[];
  encoding: EncodingInfo;
}

/** Language-driver ids of the Chinese code page 936 (ArcGIS writes 0x4D). */
const GBK_LANGUAGE_DRIVERS = new Set([0x4d, 0x7a]);

interface RawField {
  nameBytes: Uint8Array;
  type: string;
  length: number;
  decimals: number;
  offset: number;
}

function readFields(bytes: Uint8Array, headerLength: number, file: string): RawField[] {
  const fields: RawField[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    const length = bytes[at + 16]!;
    fields.push({ nameBytes: nameBytes.subarray(0, end < 0 ? 11 : end), type: String.fromCharCode(bytes[at + 11]!), length, decimals: bytes[at + 17]!, offset });
    offset += length;
  }
  if (fields.length === 0) throw new IoError('dbf_corrupt', 'the .dbf header describes no fields', { file });
  return fields;
}

function chooseEncoding(text: Uint8Array, file: string, chosen: TextEncodingName | undefined, cpg: TextEncodingName | null, driver: number): EncodingInfo {
  const stated: EncodingInfo | null = chosen ? { name: chosen, how: 'chosen' }
    : cpg ? { name: cpg, how: 'declared' }
      : GBK_LANGUAGE_DRIVERS.has(driver) ? { name: 'gbk', how: 'declared' } : null;
  if (stated) {
    const problem = encodingMismatch(text, stated.name);
    if (problem) {
      const failure = mismatchFailure(text, stated.name, stated.how === 'chosen' ? 'the chosen encoding is' : 'the .cpg or .dbf header declares', problem, file);
      throw new IoError('wrong_encoding', failure.reason, { file });
    }
    return stated;
  }
  return { name: detectEncoding(text), how: hasNonAscii(text) ? 'detected' : 'default' };
}

function textOf(bytes: Uint8Array, encoding: TextEncodingName): string {
  return decodeText(bytes, encoding).replace(/[\0 ]+$/, '').trim();
}

function value(raw: Uint8Array, field: RawField, encoding: TextEncodingName): string | number | boolean | null {
  if (field.type === 'C' || field.type === 'M' || field.type === 'V') {
    const text = textOf(raw, encoding);
    return text === '' ? null : text;
  }
  const ascii = textOf(raw, 'utf-8');
  if (ascii === '' || /^\*+$/.test(ascii)) return null;
  if (field.type === 'N' || field.type === 'F') {
    const n = Number(ascii.replace(',', '.'));
    return Number.isFinite(n) ? n : ascii;
  }
  if (field.type === 'L') return /^[TtYy]$/.test(ascii) ? true : /^[FfNn]$/.test(ascii) ? false : null;
  if (field.type === 'D' && /^\d{8}$/.test(ascii)) return `${ascii.slice(0, 4)}-${ascii.slice(4, 6)}-${ascii.slice(6, 8)}`;
  return ascii;
}

export function readDbf(bytes: Uint8Array, file: string, chosen: TextEncodingName | undefined, cpg: TextEncodingName | null): DbfContents {
  if (bytes.length < 33) throw new IoError('dbf_corrupt', 'the .dbf is too short to hold a header', { file });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength > bytes.length || recordLength === 0) throw new IoError('dbf_corrupt', 'the .dbf header is damaged', { file });
  const raw = readFields(bytes, headerLength, file);
  if (headerLength + count * recordLength > bytes.length) {
    throw new IoError('dbf_corrupt', `the .dbf is truncated: its header promises ${count} records, the file holds ${Math.floor((bytes.length - headerLength) / recordLength)}`, { file });
  }
  // All text bytes (field names and text values) decide the encoding together.
  const textParts: Uint8Array[] = raw.map((f) => f.nameBytes);
  for (let r = 0; r < count; r++) {
    const base = headerLength + r * recordLength;
    for (const f of raw) if (f.type === 'C') textParts.push(bytes.subarray(base + f.offset, base + f.offset + f.length));
  }
  const joined = new Uint8Array(textParts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of textParts) {
    joined.set(p, at);
    at += p.length + 1;
  }
  const encoding = chooseEncoding(joined, file, chosen, cpg, bytes[29]!);
  const fields: DbfField[] = raw.map((f) => ({ name: textOf(f.nameBytes, encoding.name), type: f.type, length: f.length, decimals: f.decimals }));
  const records: SourceProperties[] = [];
  for (let r = 0; r < count; r++) {
    const base = headerLength + r * recordLength;
    const record: SourceProperties = {};
    raw.forEach((f, k) => {
      record[fields[k]!.name] = value(bytes.subarray(base + f.offset, base + f.offset + f.length), f, encoding.name);
    });
    records.push(record);
  }
  return { fields, records, encoding };
}
