// Reading one row of an archive table: every value is checked for its type and, for coded
// fields, against the code list, and a wrong one stops the read naming table, fid and column.
import type { SqlValue } from 'sql.js';
import { IoError } from '../io-result.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth.ts';

/** Longest value shown in a message: the rest of a hostile value is of no help. */
const SHOWN = 60;

export function shown(value: unknown): string {
  const text = value instanceof Uint8Array ? `<${value.byteLength}-byte blob>` : String(value);
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

export class ArchiveRow {
  constructor(
    readonly table: string,
    readonly fid: SqlValue,
    private readonly values: Record<string, SqlValue>,
  ) {}

  fail(column: string, problem: string): never {
    throw new IoError('archive_invalid', `${this.table}, fid ${shown(this.fid)}: ${column} ${problem}`);
  }

  raw(column: string): SqlValue {
    return this.values[column] ?? null;
  }

  text(column: string): string {
    const value = this.raw(column);
    if (typeof value !== 'string') this.fail(column, value === null ? 'is empty (NULL)' : `is ${shown(value)}, not text`);
    return value;
  }

  nullableText(column: string): string | null {
    return this.raw(column) === null ? null : this.text(column);
  }

  /** NULL is an absent optional field. */
  optionalText(column: string): string | undefined {
    return this.raw(column) === null ? undefined : this.text(column);
  }

  code<T extends string>(column: string, codes: readonly T[]): T {
    const value = this.text(column);
    if (!(codes as readonly string[]).includes(value)) this.fail(column, `is "${shown(value)}", not one of ${codes.join(', ')}`);
    return value as T;
  }

  number(column: string): number {
    const value = this.raw(column);
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(column, `is ${shown(value)}, not a number`);
    return value;
  }

  integer(column: string): number {
    const value = this.number(column);
    if (!Number.isSafeInteger(value)) this.fail(column, `is ${value}, not a whole number`);
    return value;
  }

  /** JSON text, parsed; NULL is undefined. */
  json(column: string): unknown {
    if (this.raw(column) === null) return undefined;
    const text = this.text(column);
    if (jsonTooDeep(text)) this.fail(column, `nests deeper than ${MAX_JSON_DEPTH} levels`);
    try {
      return JSON.parse(text);
    } catch (error) {
      return this.fail(column, `is not valid JSON (${(error as Error).message})`);
    }
  }

  /** A JSON object; NULL is undefined. */
  object(column: string): Record<string, unknown> | undefined {
    const value = this.json(column);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(column, 'is not a JSON object');
    return value as Record<string, unknown>;
  }

  /** A JSON object of text, numbers, booleans and nulls (source_attributes); NULL is undefined. */
  flatObject(column: string): Record<string, string | number | boolean | null> | undefined {
    const value = this.object(column);
    if (value === undefined) return undefined;
    for (const [key, v] of Object.entries(value)) {
      if (v !== null && typeof v === 'object') this.fail(column, `holds an object or array under "${shown(key)}"; only text, numbers, booleans and null`);
    }
    return value as Record<string, string | number | boolean | null>;
  }
}
