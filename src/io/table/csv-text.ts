// CSV for spreadsheets: UTF-8 with a byte-order mark, because Excel on Chinese Windows reads a
// BOM-less file as GBK and shows 乡镇 as mojibake; CRLF line ends and RFC 4180 quoting.
export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  const text = value === null ? '' : typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A figure rounded for a spreadsheet: enough decimals for 1 m² in 亩 and 公顷, no binary noise. */
export function csvNumber(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
