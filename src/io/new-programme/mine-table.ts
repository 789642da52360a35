// A separate table of mines (CSV or tab-separated text as exported from Excel, or an .xlsx
// workbook's first sheet): its header and rows as text, for the wizard to pick the id, name,
// category and join columns from.
import { delimitedRows, type Row } from '../table/delimited-rows.ts';
import { xlsxRows } from '../table/xlsx-rows.ts';
import { isZip } from '../zip-archive.ts';
import type { ImportFile } from '../import-types.ts';
import { decodeDocument } from '../readers/decode-document.ts';
import { fail, ok, type Result } from '../../lib/result.ts';

export interface MineTable {
  source: string;
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

function fromRows(all: readonly Row[], source: string): Result<MineTable> {
  const lines = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = lines[0];
  if (!header) return fail('the file is empty');
  const columns = header.cells.map((c) => c.trim());
  const blank = columns.findIndex((c) => c === '');
  if (blank >= 0) return fail(`line ${header.line}: column ${blank + 1} has no name`);
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice) return fail(`line ${header.line}: two columns are named “${twice}”`);
  if (lines.length < 2) return fail('the file has a header but no rows');
  const rows = lines.slice(1).map((r) => ({ line: r.line, cells: Object.fromEntries(columns.map((c, i) => [c, (r.cells[i] ?? '').trim()])) }));
  return ok({ source, columns, rows });
}

export function readMineTable(text: string, source: string): Result<MineTable> {
  return fromRows(delimitedRows(text.replace(/^\uFEFF/, '')), source);
}

/** An .xlsx workbook (a zip) or a text table in UTF-8, UTF-16 or GB 18030, as detected. */
export function readMineTableFile(file: ImportFile): Result<MineTable> {
  if (isZip(file.bytes)) {
    const rows = xlsxRows(file.bytes, file.name);
    return rows.ok ? fromRows(rows.value, file.name) : fail(rows.reason);
  }
  const decoded = decodeDocument(file.bytes, file.name, undefined);
  return decoded.ok ? readMineTable(decoded.value.text, file.name) : fail(decoded.reason);
}
