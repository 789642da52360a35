// The one CSV cell writer every CSV Fulv writes goes through (app tables, exports, the CLIs).
// Spreadsheets: UTF-8 with a byte-order mark, because Excel on Chinese Windows reads a BOM-less
// file as GBK and shows 乡镇 as mojibake; CRLF line ends and RFC 4180 quoting.
// Attribute text is data, never a formula: a text cell that starts with = + - @, a tab or a
// carriage return gets a leading single quote (OWASP, "CSV Injection"), so Excel, WPS and
// LibreOffice show it as text; a plain number such as -12.5 stays a number.
export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text a spreadsheet will not run: a leading quote before a would-be formula. */
function inertText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One cell: neutralised, then quoted when it holds a quote, a separator, a line break or edge spaces. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = inertText(String(value));
  // The full-width comma is quoted too: some Chinese spreadsheet imports split on it.
  return /[",\r\n，]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: readonly CsvCell[]): string {
  return row.map(csvCell).join(',');
}

/** A whole file for spreadsheets: byte-order mark, CRLF line ends. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map(csvLine).join('\r\n') + '\r\n';
}

/** A figure rounded for a spreadsheet: enough decimals for 1 m² in 亩 and 公顷, no binary noise. */
export function csvNumber(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
