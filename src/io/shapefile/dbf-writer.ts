// The .dbf of an export: dBase III, UTF-8 text (declared by the .cpg beside it), one column per
// attribute. Types follow the values: all numbers → N (width and decimals from the values, so
// they come back exactly), all booleans → L, all calendar dates (yyyy-mm-dd, as Fulv keeps
// dates) → D, so GDAL, QGIS and ArcGIS read a date field rather than text; anything else → C up
// to 254 bytes (longer text is cut at a character boundary and reported).
import type { AttributeValue } from '../import-types.ts';
import { truncateUtf8 } from './dbf-field-names.ts';

export interface DbfColumn {
  /** Attribute name in the rows. */
  key: string;
  /** Field name in the .dbf, ≤ 10 bytes. */
  name: string;
}

interface FieldSpec extends DbfColumn {
  type: 'C' | 'N' | 'L' | 'D';
  length: number;
  decimals: number;
}

const MAX_TEXT_BYTES = 254;
const MAX_NUMBER_WIDTH = 24;
const encoder = new TextEncoder();

/** Digits a number needs: plain decimal notation of its shortest round-trip form. */
function numberText(v: number, decimals: number): string {
  return decimals === 0 ? Math.round(v).toString() : v.toFixed(decimals);
}

function decimalsOf(v: number): number {
  const text = String(v);
  if (/e/i.test(text)) return 15;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A real calendar day written yyyy-mm-dd (not 2024-02-30). */
function isCalendarDate(v: AttributeValue): v is string {
  if (typeof v !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === v;
}

function spec(column: DbfColumn, values: readonly AttributeValue[]): FieldSpec {
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return { ...column, type: 'L', length: 1, decimals: 0 };
  // An empty text among dates is a day not known: a blank date.
  const dates = present.filter((v) => v !== '');
  if (dates.length > 0 && dates.every(isCalendarDate)) return { ...column, type: 'D', length: 8, decimals: 0 };
  if (present.length > 0 && present.every((v) => typeof v === 'number')) {
    const nums = present as number[];
    const decimals = Math.min(15, Math.max(...nums.map(decimalsOf)));
    const width = Math.max(...nums.map((v) => numberText(v, decimals).length));
    if (width <= MAX_NUMBER_WIDTH) return { ...column, type: 'N', length: Math.max(width, 1), decimals };
  }
  const length = Math.max(1, ...present.map((v) => Math.min(MAX_TEXT_BYTES, encoder.encode(String(v)).length)));
  return { ...column, type: 'C', length, decimals: 0 };
}

export interface DbfOutput {
  bytes: Uint8Array;
  /** Row indices and keys whose text was cut to 254 bytes. */
  truncated: { row: number; key: string }[];
}

export function writeDbf(columns: readonly DbfColumn[], rows: readonly Record<string, AttributeValue>[], today = new Date(Date.UTC(2020, 0, 1))): DbfOutput {
  const fields = columns.map((c) => spec(c, rows.map((r) => r[c.key] ?? null)));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes[1] = today.getUTCFullYear() - 1900;
  bytes[2] = today.getUTCMonth() + 1;
  bytes[3] = today.getUTCDate();
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    bytes.set(encoder.encode(f.name).subarray(0, 10), at);
    bytes[at + 11] = f.type.charCodeAt(0);
    bytes[at + 16] = f.length;
    bytes[at + 17] = f.decimals;
  });
  bytes[headerLength - 1] = 0x0d;
  const truncated: DbfOutput['truncated'] = [];
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    bytes[at++] = 0x20;
    for (const f of fields) {
      const v = row[f.key] ?? null;
      let text: string;
      if (v === null) text = '';
      else if (f.type === 'L') text = v ? 'T' : 'F';
      else if (f.type === 'D') text = typeof v === 'string' ? v.replace(/-/g, '') : '';
      else if (f.type === 'N') text = numberText(v as number, f.decimals).padStart(f.length, ' ');
      else {
        text = String(v);
        if (encoder.encode(text).length > f.length) {
          text = truncateUtf8(text, f.length);
          truncated.push({ row: r, key: f.key });
        }
      }
      const encoded = encoder.encode(text);
      bytes.fill(0x20, at, at + f.length);
      bytes.set(encoded.subarray(0, f.length), at);
      at += f.length;
    }
  });
  bytes[bytes.length - 1] = 0x1a;
  return { bytes, truncated };
}
