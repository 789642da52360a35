// CSV cells a spreadsheet would run as formulas, judged by OWASP's rule ("CSV Injection": no
// cell may start with = + - @, tab or carriage return, else it gets a leading single quote)
// on what GDAL's RFC 4180 CSV reader reads back from the file, not on the writer's text.
import { describe, expect, it } from 'vitest';
import { csvText, type CsvCell } from '../../../src/io/table/csv-text.ts';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';
import { exportParcels } from '../../helpers/export-parcels.ts';

const dir = scratchDir('csv-formula');
const OWASP_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Every row of a CSV file as GDAL reads it (all fields as text). */
function gdalRows(path: string): Record<string, string | null>[] {
  const json = JSON.parse(tool('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path])) as { features: { properties: Record<string, string | null> }[] };
  return json.features.map((f) => f.properties);
}

describe('CSV cells never start a formula', () => {
  const hostile: [string, CsvCell, string][] = [
    ['equals', '=1+2', "'=1+2"],
    ['a hyperlink formula', '=HYPERLINK("http://example.com","点此")', "'=HYPERLINK(\"http://example.com\",\"点此\")"],
    ['plus', '+1+2', "'+1+2"],
    ['minus text', '-foo', "'-foo"],
    ['at', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['tab', '\t=1', "'\t=1"],
    ['carriage return', '\r=1', "'\r=1"],
    ['negative number as text', '-12.5', '-12.5'],
    ['signed exponent', '+1.5e3', '+1.5e3'],
    ['negative number', -12.5, '-12.5'],
    ['plain text with a comma', '大石河, 北区', '大石河, 北区'],
    ['text with quotes', 'say "=1"', 'say "=1"'],
  ];

  it.each(hostile)('%s: GDAL reads the cell back as OWASP requires', (_, value, expected) => {
    const path = writeScratch(dir, `${_.replace(/\s/g, '-')}.csv`, csvText([['name', 'other'], [value, 'x']]));
    const [row] = gdalRows(path);
    // GDAL turns a carriage return inside a quoted cell into a line feed; what precedes it is the point.
    const lines = (text: string): string => text.replace(/\r/g, '\n');
    expect(lines(row!['name']!)).toBe(lines(expected));
    const read = row!['name']!;
    expect(!OWASP_START.test(read) || NUMBER.test(read)).toBe(true);
  });

  it('keeps numbers numbers: a negative figure is not quoted', () => {
    expect(csvText([[-12.5, '-3', 0]])).toBe('\uFEFF-12.5,-3,0\r\n');
  });

  it('neutralises attribute text in the coordinate table export', () => {
    const layer = { name: 'parcels', features: [{ ...exportParcels[0]!, properties: { ...exportParcels[0]!.properties, id: '-P1', name: '=HYPERLINK("http://x","y")', note: '@cmd' } }] };
    const out = exportLayers([layer], 'csv', { crs: 'EPSG:4528' }, 'table');
    if (!out.ok) throw new Error(out.reason);
    const rows = gdalRows(writeScratch(dir, 'table.csv', out.value.files[0]!.bytes));
    expect(rows[0]).toMatchObject({ 图斑编号: "'-P1", name: '\'=HYPERLINK("http://x","y")', note: "'@cmd", damage_type: 'open_pit' });
    for (const row of rows) {
      for (const cell of Object.values(row)) if (typeof cell === 'string') expect(!OWASP_START.test(cell) || NUMBER.test(cell), cell).toBe(true);
    }
  });
});
