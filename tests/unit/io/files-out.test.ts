// What GDAL reads back from Fulv's exports for booleans in KML, dates in the .dbf, attribute
// names that collide with a coordinate table's own columns, and a several-layer GeoJSON export
// as one zip; the national-survey rule for coded values as labels.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import { exportFileTitle } from '../../../src/io/export/export-file-title.ts';
import type { ExportFormat, ExportLayer, ExportOptions } from '../../../src/io/export/export-types.ts';
import { CHINESE_LABELS } from '../../../src/io/export/value-labels.ts';
import { zh } from '../../../src/ui/i18n/zh.ts';
import { exportParcels } from '../../helpers/export-parcels.ts';
import { ogrFeatures, scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const dir = scratchDir('files-out');
const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] });

function exported(layers: ExportLayer[], format: ExportFormat, options: ExportOptions = {}, title = 'out') {
  const out = exportLayers(layers, format, options, title);
  if (!out.ok) throw new Error(out.reason);
  return out.value;
}

const save = (file: { name: string; bytes: Uint8Array }, prefix: string): string => writeScratch(dir, `${prefix}-${file.name}`, file.bytes);

describe('KML booleans', () => {
  it.each(['kml', 'kmz'] as const)('%s: GDAL reads true as 1 and false as 0', (format) => {
    const path = save(exported([{ name: 'parcels', features: exportParcels }], format).files[0]!, 'bool');
    const features = ogrFeatures(tool('ogrinfo', ['-ro', '-al', format === 'kmz' ? `/vsizip/${path}/doc.kml` : path]));
    expect(features.map((f) => [f['id'], f['已复核']])).toEqual([['P-001', '1'], ['P-002', '0']]);
  });
});

describe('dates in the .dbf', () => {
  const treated: ExportLayer = { name: 'treated', features: [
    { geometry: square(118.6, 40.0), properties: { id: 'T1', date: '2024-05-01', checked_on: '2023-12-31', note: '2024-05-01 施工' } },
    { geometry: square(118.61, 40.0), properties: { id: 'T2', date: '2025-02-28', checked_on: '', note: '' } },
  ] };

  it('every yyyy-mm-dd field is a Date field (type D) GDAL reads as a date; text with a date in it stays text', () => {
    const path = save(exported([treated], 'shapefile').files[0]!, 'dates');
    const info = tool('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${path}`]);
    expect(info).toMatch(/^date: Date \(10\.0\)$/m);
    expect(info).toMatch(/^checked_on: Date \(10\.0\)$/m);
    expect(info).toMatch(/^note: String/m);
    const features = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', `/vsizip/${path}`]));
    expect(features.map((f) => [f['date'], f['checked_on'] ?? null])).toEqual([['2024/05/01', '2023/12/31'], ['2025/02/28', null]]);
  });

  it('a field with a day that does not exist stays text', () => {
    const layer = { name: 'treated', features: [{ geometry: square(118.6, 40), properties: { id: 'T1', date: '2024-02-30' } }] };
    const info = tool('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${save(exported([layer], 'shapefile').files[0]!, 'bad-date')}`]);
    expect(info).toMatch(/^date: String/m);
  });
});

describe('coordinate table columns', () => {
  it('an attribute named like a generated column gets a name of its own, and GDAL reads both', () => {
    const layer = { name: 'parcels', features: [{ geometry: square(118.6, 40.02), properties: { id: 'P1', X: 'attribute x', 点号: 'attribute point', y: 'lower-case y' } }] };
    const out = exported([layer], 'csv', { crs: 'EPSG:4528' });
    expect(out.problems.filter((p) => p.code === 'field_renamed')).toHaveLength(3);
    const path = save(out.files[0]!, 'names');
    const info = tool('ogrinfo', ['-ro', '-so', '-al', path]);
    const names = [...info.matchAll(/^(\S+): (String|Integer|Real)/gm)].map((m) => m[1]!.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const [first] = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', path]));
    expect(first).toMatchObject({ 点号: 'J1', X_2: 'attribute x', 点号_2: 'attribute point', y_2: 'lower-case y' });
    // X is still the northing of zone 40 (about 4,43x,xxx m at 40°N).
    expect(Number(first!['X'])).toBeGreaterThan(4_400_000);
  });
});

describe('one file per export', () => {
  const layers: ExportLayer[] = [
    { name: 'parcels', features: exportParcels },
    { name: 'treated', features: [{ geometry: square(118.6, 40.02), properties: { id: 'T1', parcel_id: 'P-001', date: '2024-05-01' } }] },
  ];
  const title = exportFileTitle('迁安市演示方案', '马兰庄镇', '2026-12-07');

  it.each(['geojson', 'csv'] as const)('%s of two layers: one zip named for programme, scope and day, one file per layer that GDAL reads', (format) => {
    const out = exported(layers, format, format === 'csv' ? { crs: 'EPSG:4528' } : {}, title);
    expect(out.files.map((f) => f.name)).toEqual(['迁安市演示方案_马兰庄镇_2026-12-07.zip']);
    expect(Object.keys(unzipSync(out.files[0]!.bytes)).sort()).toEqual([`parcels.${format}`, `treated.${format}`]);
    const path = save(out.files[0]!, format);
    const listing = tool('ogrinfo', ['-ro', '-so', `/vsizip/${path}/parcels.${format}`]);
    expect(listing).toMatch(/parcels/);
  });

  it('GeoJSON of one layer: one .geojson named for programme, scope and day', () => {
    const out = exported(layers.slice(0, 1), 'geojson', {}, title);
    expect(out.files.map((f) => f.name)).toEqual(['迁安市演示方案_马兰庄镇_2026-12-07.geojson']);
    expect(tool('ogrinfo', ['-ro', '-so', '-al', save(out.files[0]!, 'one')])).toMatch(/Feature Count: 2/);
  });

  it('a file title drops what a Windows file name cannot hold', () => {
    expect(exportFileTitle('计划', '=HYPERLINK("a:b/c")', '2026-12-07')).toBe('计划_=HYPERLINK(_a_b_c_)_2026-12-07');
  });
});

describe('coded values as codes or as the labels the app shows', () => {
  it('labels are the words of the app\'s Chinese dictionary', () => {
    const prefix = { status: 'status', damage_type: 'damage', direction: 'direction', measure: 'measure', zone_type: 'zone', category: 'category' } as const;
    for (const [field, labels] of Object.entries(CHINESE_LABELS)) {
      for (const [code, label] of Object.entries(labels)) expect(label, `${field} ${code}`).toBe(zh[`${prefix[field as keyof typeof prefix]}.${code}` as keyof typeof zh]);
    }
  });

  it('GDAL reads labels for status, damage type and direction from the Shapefile, and the national 核查 codes unchanged', () => {
    const path = save(exported([{ name: 'parcels', features: exportParcels }], 'shapefile', { values: 'labels' }).files[0]!, 'labels');
    const features = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', `/vsizip/${path}`]));
    expect(features[0]).toMatchObject({ id: 'P-001', status: '已治理', damage_typ: '露天采场', direction: '林地', tbdl: '10', tbxl: '11' });
    expect(features[1]).toMatchObject({ id: 'P-002', status: '未治理', damage_typ: '排土场/废石场', direction: '草地', tbdl: '20', tbxl: '21' });
  });

  it('codes by default', () => {
    const path = save(exported([{ name: 'parcels', features: exportParcels }], 'geojson').files[0]!, 'codes');
    const features = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', path]));
    expect(features[0]).toMatchObject({ status: 'treated', damage_type: 'open_pit' });
  });
});
