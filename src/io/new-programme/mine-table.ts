// A separate table of mines (CSV or tab-separated text, as exported from Excel): its header and
// rows as text, for the wizard to pick the id, name, category and join columns from.
import { delimitedRows } from '../table/delimited-rows.ts';
import { fail, ok, type Result } from '../../lib/result.ts';

export interface MineTable {
  source: string;
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

export function readMineTable(text: string, source: string): Result<MineTable> {
  const lines = delimitedRows(text.replace(/^\uFEFF/, '')).filter((r) => r.cells.some((c) => c.trim() !== ''));
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
