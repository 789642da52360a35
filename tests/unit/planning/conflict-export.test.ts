// The conflict list as the planner exports it, filtered: the CSV and the .xlsx read back by GDAL
// (its CSV and XLSX drivers, not the libraries that wrote them) and the workbook's sheet XML
// unzipped: hostile text is text (a leading quote in CSV, a shared-string cell with no formula
// in XLSX), figures are numbers.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ParcelResult } from '../../../src/domain/analysis-types.ts';
import { conflictList, DEFAULT_CONFLICT_QUERY } from '../../../src/domain/conflict-list.ts';
import { ZONE_TYPES, type Mine, type ParcelFeature, type Programme, type ZoneType } from '../../../src/domain/model.ts';
import { csvText } from '../../../src/io/table/csv-text.ts';
import { xlsxBytes } from '../../../src/io/table/xlsx-table.ts';
import { conflictFileTitle, conflictTable } from '../../../src/ui/conflict-table.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const dir = scratchDir('conflict-export');
const t = translator('zh');
const HOSTILE = '=HYPERLINK("http://example.com/x","打开")';

function result(id: string, mineId: string, area: number, byType: Partial<Record<ZoneType, number>>): ParcelResult {
  const full = Object.fromEntries(ZONE_TYPES.map((z) => [z, byType[z] ?? 0])) as Record<ZoneType, number>;
  const all = Object.values(full).reduce((a, b) => a + b, 0);
  return { id, mine_id: mineId, area_m2: area, area_mu: 0, area_ha: 0, protected_overlap_m2: all, protected_overlap_by_type: full, treated_m2: 0, treatment_rate: 0, treated_by_year: {}, zones: [] };
}
const mine = (id: string, name: string, township: string, category: Mine['category']): Mine => ({
  id, name, name_en: id, mineral: '铁矿', township_id: township, category, responsible_party: null, location: [0, 0],
});
const parcel = (id: string, name: string): ParcelFeature => ({
  type: 'Feature', geometry: { type: 'Polygon', coordinates: [] },
  properties: { id, mine_id: '', name, damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
});
const programme = {
  townships: [{ id: 'T1', name: '@马兰庄镇', name_en: 'Malanzhuang' }, { id: 'T2', name: '蔡园镇', name_en: 'Caiyuan' }],
  mines: [mine('M1', '-西峡口铁矿', 'T1', 'abandoned'), mine('M2', '沙岭铁矿', 'T2', 'producing')],
  parcels: { type: 'FeatureCollection', features: [parcel('P1', HOSTILE), parcel('P2', '+1采场'), parcel('P3', '排土场')] },
} as unknown as Programme;
const results = [
  result('P1', 'M1', 6666.67, { river_lake: 3333.33 }),
  result('P2', 'M1', 20_000, { traffic_line: 1000 }),
  result('P3', 'M2', 10_000, { river_lake: 5000 }),
];
// The planner filtered to township T1: P3 (T2) is not exported.
const query = { ...DEFAULT_CONFLICT_QUERY, townshipId: 'T1' };
const list = conflictList(results, programme.parcels.features, programme.mines, query);
const table = conflictTable(list, programme, t, 'zh');

function gdalRows(path: string, options: string[] = []): Record<string, unknown>[] {
  const json = JSON.parse(tool('ogr2ogr', ['-f', 'GeoJSON', ...options, '/vsistdout/', path])) as { features: { properties: Record<string, unknown> }[] };
  return json.features.map((f) => f.properties);
}

describe('the conflict list exported', () => {
  it('CSV: the filtered rows, hostile text with a leading quote, as GDAL reads them', () => {
    const rows = gdalRows(writeScratch(dir, 'conflicts.csv', csvText(table)));
    expect(rows.map((r) => r['图斑编号'])).toEqual(['P1', 'P2']);
    expect(rows[0]).toMatchObject({ 图斑名称: `'${HOSTILE}`, 矿山: "'-西峡口铁矿", 乡镇: "'@马兰庄镇", 涉及缓冲区类型: '河流湖泊', 矿山类别: '废弃/历史遗留矿山' });
    expect(rows[1]).toMatchObject({ 图斑名称: "'+1采场" });
    // 3333.33 m² is 5 亩 (1 亩 = 10000/15 m²), half the parcel.
    expect(Number(rows[0]!['重叠面积（亩）'])).toBeCloseTo(5, 3);
    expect(Number(rows[0]!['重叠占比（%）'])).toBeCloseTo(50, 1);
  });

  it('XLSX: GDAL reads text as text (no formula evaluated) and figures as numbers', async () => {
    const path = writeScratch(dir, 'conflicts.xlsx', await xlsxBytes(table, '冲突图斑'));
    const rows = gdalRows(path, ['-oo', 'HEADERS=FORCE']);
    expect(rows.map((r) => r['图斑编号'])).toEqual(['P1', 'P2']);
    expect(rows[0]).toMatchObject({ 图斑名称: HOSTILE, 矿山: '-西峡口铁矿', 乡镇: '@马兰庄镇' });
    expect(rows[0]!['重叠面积（亩）']).toBeCloseTo(5, 3);
    expect(typeof rows[0]!['重叠面积（亩）']).toBe('number');
  });

  it('XLSX: the sheet holds no formula and every text cell is a shared string', async () => {
    const files = unzipSync(await xlsxBytes(table, '冲突图斑'));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[ >]/);
    const strings = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
    const index = strings.indexOf(HOSTILE);
    expect(index).toBeGreaterThanOrEqual(0);
    // The hostile name's cell (row 2, column B) refers to that shared string.
    expect(sheet).toContain(`<c r="B2" t="s"><v>${index}</v></c>`);
  });

  it('is named for the filters and the day, without characters a file name cannot hold', () => {
    expect(conflictFileTitle(query, programme, t, 'zh', '2026-12-07')).toBe('冲突图斑_@马兰庄镇_2026-12-07');
    expect(conflictFileTitle(DEFAULT_CONFLICT_QUERY, programme, t, 'zh', '2026-12-07')).toBe('冲突图斑_全部_2026-12-07');
  });
});
