// A table as an .xlsx workbook of one sheet, written by write-excel-file (loaded only when a
// workbook is asked for, so the app's first download does not carry it). Text goes in as
// String cells, which the library stores as shared strings: a spreadsheet shows "=HYPERLINK(…)"
// as text and never runs it; numbers stay numbers.
import type { CsvCell } from './csv-text.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function xlsxBytes(rows: readonly (readonly CsvCell[])[], sheet: string): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const data = rows.map((row) => row.map((value) => {
    if (value === null) return null;
    if (typeof value === 'number') return Number.isFinite(value) ? { type: Number, value } : null;
    if (typeof value === 'boolean') return { type: Boolean, value };
    return { type: String, value };
  }));
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const blob = await writeXlsxFile(data, { sheet: sheet.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1' }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
