// The .dbf attribute table (dBase III as Shapefiles use it). Text fields are bytes in some code
// page, named by the user, the .cpg, the language-driver byte (code-pages.ts), or by nobody; the
// bytes of all text are gathered first so that the encoding is decided once for the whole table.
import type { EncodingInfo, SourceProperties } from '../import-types.ts';
import { IoError } from '../io-result.ts';
import { mismatchFailure } from '../readers/decode-document.ts';
import { codePageFromLdid, type CodePage } from '../code-pages.ts';
import { decodeText, encodingMismatch, hasNonAscii, joinParts, partsValid, strictText, type TextEncodingName, type TextPart } from '../text-encoding.ts';
import { DBF_NAME_BYTES } from './dbf-field-names.ts';

export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

interface DbfEncoding {
  encoding: EncodingInfo;
  /** Why the encoding is not what the file says, or that it says nothing. */
  notice: string | null;
}

export interface DbfContents extends DbfEncoding {
  fields: DbfField[];
  records: SourceProperties[];
}

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

/** Encodings with characters of more than one byte, which a run of GBK bytes cannot be mistaken for. */
const MULTIBYTE = new Set(['utf-8', 'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp']);

interface Stated {
  encoding: EncodingInfo;
  /** Named by the language-driver byte only, which GDAL writes as 0x57 whatever the bytes are. */
  byLdid: string | null;
}

/** The encoding the user chose or the file names (.cpg first, as GDAL reads it, then the LDID). */
function statedEncoding(chosen: TextEncodingName | undefined, cpg: CodePage | null, ldid: number, anyText: boolean, file: string): Stated | null {
  if (chosen) return { encoding: { name: chosen, how: 'chosen' }, byLdid: null };
  const page = cpg ?? codePageFromLdid(ldid);
  if (!page) return null;
  if (page.known) return { encoding: { name: page.encoding, how: 'declared' }, byLdid: cpg ? null : `language driver 0x${ldid.toString(16).toUpperCase()}` };
  // ASCII reads the same in every code page a DBF uses: only text beyond it needs the decoder.
  if (!anyText) return { encoding: { name: 'utf-8', how: 'default' }, byLdid: null };
  const source = cpg ? `the .cpg names the code page "${page.name}"` : `the .dbf header names ${page.name}`;
  throw new IoError('encoding_unsupported', `${source}, which TextDecoder cannot decode; choose the encoding to import`, { file });
}

function longestNonAsciiRun(bytes: Uint8Array): number {
  let longest = 0;
  let run = 0;
  for (const b of bytes) {
    run = b >= 0x80 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * What text under a language-driver byte really is, when the byte is contradicted: GDAL stamps
 * 0x57 (ISO-8859-1) on files it wrote with SHAPE_ENCODING set to "" (UTF-8 bytes) or CP936 (GBK
 * bytes), and no .cpg. Valid UTF-8 is UTF-8; under a single-byte code page, valid GBK with two
 * Chinese characters in a row (four bytes beyond ASCII, which no European word has) is GBK.
 */
function ldidContradiction(parts: readonly TextPart[], declared: TextEncodingName): TextEncodingName | null {
  if (declared !== 'utf-8' && partsValid(parts, 'utf-8')) return 'utf-8';
  if (!MULTIBYTE.has(declared) && longestNonAsciiRun(joinParts(parts)) >= 4 && partsValid(parts, 'gbk')) return 'gbk';
  return null;
}

function chooseEncoding(parts: readonly TextPart[], file: string, chosen: TextEncodingName | undefined, cpg: CodePage | null, ldid: number): DbfEncoding {
  const anyText = parts.some((p) => hasNonAscii(p.bytes));
  const stated = statedEncoding(chosen, cpg, ldid, anyText, file);
  if (stated?.byLdid && anyText) {
    const actual = ldidContradiction(parts, stated.encoding.name);
    if (actual) {
      return { encoding: { name: actual, how: 'detected' }, notice: `the .dbf header's ${stated.byLdid} names ${stated.encoding.name.toUpperCase()}, but the text is ${actual.toUpperCase()} (no .cpg); it reads as ${actual.toUpperCase()}` };
    }
  }
  if (stated) {
    const problem = encodingMismatch(parts, stated.encoding.name);
    if (problem) {
      const failure = mismatchFailure(joinParts(parts), stated.encoding.name, stated.encoding.how === 'chosen' ? 'the chosen encoding is' : 'the .cpg or .dbf header declares', problem, file);
      throw new IoError('wrong_encoding', failure.reason, { file });
    }
    return { encoding: stated.encoding, notice: null };
  }
  const name = partsValid(parts, 'utf-8') ? 'utf-8' : 'gbk';
  return { encoding: { name, how: anyText ? 'detected' : 'default' }, notice: anyText ? `no .cpg names the code page; the attribute text reads as ${name.toUpperCase()}` : null };
}

/** Trailing NULs and spaces pad a DBF name or value; a value that fills its width has none. */
function unpadded(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  return bytes.subarray(0, end);
}

function textPart(bytes: Uint8Array, width: number): TextPart {
  const text = unpadded(bytes);
  return { bytes: text, mayBeCut: text.length >= width };
}

function textOf(part: TextPart, encoding: TextEncodingName): string {
  const text = part.mayBeCut ? strictText(part.bytes, encoding, true) : null;
  return (text ?? decodeText(part.bytes, encoding)).trim();
}

function value(raw: Uint8Array, field: RawField, encoding: TextEncodingName): string | number | boolean | null {
  if (field.type === 'C' || field.type === 'M' || field.type === 'V') {
    const text = textOf(textPart(raw, field.length), encoding);
    return text === '' ? null : text;
  }
  const ascii = decodeText(unpadded(raw), 'utf-8').trim();
  if (ascii === '' || /^\*+$/.test(ascii)) return null;
  if (field.type === 'N' || field.type === 'F') {
    const n = Number(ascii.replace(',', '.'));
    return Number.isFinite(n) ? n : ascii;
  }
  if (field.type === 'L') return /^[TtYy]$/.test(ascii) ? true : /^[FfNn]$/.test(ascii) ? false : null;
  if (field.type === 'D' && /^\d{8}$/.test(ascii)) return `${ascii.slice(0, 4)}-${ascii.slice(4, 6)}-${ascii.slice(6, 8)}`;
  return ascii;
}

/** Names made unique as a table needs them: two names cut to the same text get _1, _2… */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name || 'field';
    for (let n = 1; taken.has(unique.toLowerCase()); n++) unique = `${name}_${n}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

export function readDbf(bytes: Uint8Array, file: string, chosen: TextEncodingName | undefined, cpg: CodePage | null): DbfContents {
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
  // All text (field names and text values) decides the encoding together. A name or value that
  // fills its width may have been cut mid-character by its writer, which says nothing against
  // the encoding.
  const names = raw.map((f) => textPart(f.nameBytes, DBF_NAME_BYTES));
  const parts: TextPart[] = [...names];
  for (let r = 0; r < count; r++) {
    const base = headerLength + r * recordLength;
    for (const f of raw) if (f.type === 'C') parts.push(textPart(bytes.subarray(base + f.offset, base + f.offset + f.length), f.length));
  }
  const { encoding, notice } = chooseEncoding(parts, file, chosen, cpg, bytes[29]!);
  const unique = uniqueNames(names.map((n) => textOf(n, encoding.name)));
  const fields: DbfField[] = raw.map((f, k) => ({ name: unique[k]!, type: f.type, length: f.length, decimals: f.decimals }));
  const records: SourceProperties[] = [];
  for (let r = 0; r < count; r++) {
    const base = headerLength + r * recordLength;
    const record: SourceProperties = {};
    raw.forEach((f, k) => {
      record[fields[k]!.name] = value(bytes.subarray(base + f.offset, base + f.offset + f.length), f, encoding.name);
    });
    records.push(record);
  }
  return { fields, records, encoding, notice };
}
