// A new programme from real files: the GEM mine boundaries (mines from `Mine Name`), a national
// 核查-style Shapefile written by GDAL (categories from 图斑小类, townships from 乡镇名称, a targets
// CSV naming them), one mine per parcel, and a separate mine table joined by 矿山编号.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ParcelFeature } from '../../../src/domain/model.ts';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { deriveProgramme, type NewProgrammeInput } from '../../../src/io/new-programme/derive-programme.ts';
import { readMineTable, readMineTableFile } from '../../../src/io/new-programme/mine-table.ts';
import { proposeMineFields, proposeMineralField, proposeMineTableColumns, proposeTownshipField } from '../../../src/io/new-programme/propose-fields.ts';
import { sourcedParcels } from '../../../src/io/new-programme/sourced-parcels.ts';
import { fixtureFile, preview } from '../../helpers/interchange-fixtures.ts';

async function readParcels(name: string) {
  const p = await preview([fixtureFile(name)]);
  const applied = applyFieldMapping(p, p.mapping);
  if (applied.mapped.layer !== 'parcels') throw new Error('not parcels');
  return { preview: p, parcels: sourcedParcels(p, applied.mapped.features, applied.skipped), problems: [...p.problems, ...applied.problems] };
}

const base = { id: 'P-TEST', name: '测试方案', areaLevel: 'county', areaName: '迁安市', defaultCategory: 'abandoned', zones: [], targets: null } as const satisfies Partial<NewProgrammeInput>;

/** Ray casting, independent of the code under test. */
function inside([x, y]: [number, number], parcel: ParcelFeature): boolean {
  const polygons = parcel.geometry.type === 'Polygon' ? [parcel.geometry.coordinates] : parcel.geometry.coordinates;
  const inRing = (ring: Position[]) => {
    let odd = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
    return odd;
  };
  return polygons.some((rings) => inRing(rings[0]!) && !rings.slice(1).some(inRing));
}

describe('a new programme from the GEM mine boundaries', () => {
  it('makes one mine per GEM mine, named as GEM names it, located inside its parcels', async () => {
    const gem = JSON.parse(readFileSync(new URL('../../fixtures/gem/gem_coal_mine_boundaries_china.geojson', import.meta.url), 'utf8')) as {
      features: { properties: Record<string, string>; geometry: { type: string } }[];
    };
    const boundaries = gem.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
    const names = new Set(boundaries.map((f) => f.properties['Mine Name']));
    const nameOfBoundary = new Map(boundaries.map((f) => [f.properties.id, f.properties['Mine Name']]));
    expect(names.size).toBe(94);

    const read = await readParcels('gem/gem_coal_mine_boundaries_china.geojson');
    const proposed = proposeMineFields(read.preview.fields);
    expect(proposed).toEqual({ nameField: 'Mine Name', idField: 'GEM Mine ID' });
    const { content, summary } = deriveProgramme({ ...base, parcels: read.parcels, mines: { kind: 'field', nameField: 'Mine Name', idField: 'GEM Mine ID' }, townships: { kind: 'single' }, importProblems: read.problems });
    const { programme } = content;
    expect(programme.mines).toHaveLength(names.size);
    expect(new Set(programme.mines.map((m) => m.name))).toEqual(names);
    expect(new Set(programme.mines.map((m) => m.id)).size).toBe(names.size);
    expect(programme.parcels.features).toHaveLength(boundaries.length);
    const mines = new Map(programme.mines.map((m) => [m.id, m]));
    for (const parcel of programme.parcels.features) expect(mines.get(parcel.properties.mine_id)?.name).toBe(nameOfBoundary.get(parcel.properties.id));
    for (const mine of programme.mines) {
      const own = programme.parcels.features.filter((p) => p.properties.mine_id === mine.id);
      expect(own.some((p) => inside(mine.location, p)), mine.name).toBe(true);
    }
    // One township for the whole area, and GEM carries no 核查 codes: every mine's category is the default, flagged.
    expect(programme.townships).toEqual([{ id: 'T01', name: '迁安市', name_en: '迁安市' }]);
    expect(programme.mines.every((m) => m.township_id === 'T01' && m.category === 'abandoned')).toBe(true);
    expect(summary.problems.find((g) => g.kind === 'category_defaulted')?.count).toBe(94);
    // The 459 mine points are one grouped line, not 459.
    expect(summary.problems.find((g) => g.kind === 'wrong_type')?.count).toBe(459);
    expect(summary).toMatchObject({ parcels: 103, mines: 94, townships: 1, targets: 0 });
    const b = summary.bbox!;
    for (const p of programme.parcels.features) {
      const ring = (p.geometry.type === 'Polygon' ? p.geometry.coordinates[0] : p.geometry.coordinates[0]![0])!;
      for (const [x, y] of ring as [number, number][]) expect(x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]).toBe(true);
    }
  });

  it('gives the same ids for the same files', async () => {
    const read = await readParcels('gem/gem_coal_mine_boundaries_tangshan.geojson');
    const make = () => deriveProgramme({ ...base, parcels: read.parcels, mines: { kind: 'field', nameField: 'Mine Name', idField: null }, townships: { kind: 'single' } }).content.programme.mines;
    expect(make().map((m) => m.id)).toEqual(make().map((m) => m.id));
    expect(make().map((m) => m.name).sort()).toEqual(['Donghuantuo Coal Mine', 'Fangezhuang Coal Mine', 'Lvjiatuo Coal Mine', 'Qianjiaying Coal Mine']);
  });
});

describe('a new programme from a national 核查 Shapefile', () => {
  const source = JSON.parse(readFileSync(new URL('../../fixtures/wizard/hecha-source.geojson', import.meta.url), 'utf8')) as {
    features: { properties: Record<string, string>; geometry: { coordinates: [number, number][][] } }[];
  };

  it('takes mines from 矿山名称, categories from 图斑小类, townships from 乡镇名称, and targets naming them', async () => {
    const read = await readParcels('wizard/hecha-4527.zip');
    expect(proposeMineFields(read.preview.fields)).toEqual({ nameField: '矿山名称', idField: '矿山编号' });
    expect(proposeTownshipField(read.preview.fields)).toBe('乡镇名称');
    expect(proposeMineralField(read.preview.fields)).toBe('矿种');
    const targets = readFileSync(new URL('../../fixtures/wizard/targets.csv', import.meta.url), 'utf8');
    const { content, summary } = deriveProgramme({
      ...base, defaultCategory: 'closed_pit', parcels: read.parcels, mines: { kind: 'field', nameField: '矿山名称', idField: '矿山编号' },
      townships: { kind: 'field', field: '乡镇名称' }, mineralField: '矿种', targets: { text: targets, source: 'targets.csv' },
    });
    const { programme } = content;
    // 11 无主废弃 → abandoned; 31 生产矿山 → producing; 35 河道采砂 and 37 伪变化 say nothing: the default, flagged.
    expect(programme.mines.map((m) => [m.id, m.name, m.category])).toEqual([
      ['KS01', '甲铁矿', 'abandoned'], ['KS02', '乙铁矿', 'producing'], ['KS03', '丙石料厂', 'closed_pit'],
    ]);
    expect(programme.mines.map((m) => m.mineral)).toEqual(['铁矿', '铁矿', '建筑石料用灰岩']);
    expect(summary.problems).toEqual([{ kind: 'category_defaulted', severity: 'notice', count: 1, examples: ['丙石料厂'] }]);
    expect(programme.mines.find((m) => m.id === 'KS01')!.responsible_party).toBeNull();
    const byTownship = new Map(programme.townships.map((t) => [t.name, t.id]));
    expect([...byTownship.keys()]).toEqual(['马兰庄镇', '蔡园镇']);
    expect(programme.mines.map((m) => m.township_id)).toEqual([byTownship.get('马兰庄镇'), byTownship.get('蔡园镇'), byTownship.get('蔡园镇')]);
    // Parcels keep their 核查 id, damage type (图斑属性) and codes, and point at their mine.
    expect(programme.parcels.features.map((p) => [p.properties.id, p.properties.mine_id, p.properties.damage_type, p.properties.tbxl])).toEqual(
      source.features.map((f) => [f.properties['图斑编号'], f.properties['矿山编号'], { 采场: 'open_pit', 固体废弃物堆场: 'waste_dump', 矿山建筑: 'industrial_site' }[f.properties['图斑属性']!], f.properties.TBXL]),
    );
    // The targets CSV names townships; they resolve to the programme's township ids.
    expect(programme.targets.rows).toEqual([
      { township_id: byTownship.get('马兰庄镇'), category_group: 'closed_and_abandoned', year: 2024, target_mu: 30 },
      { township_id: byTownship.get('蔡园镇'), category_group: 'producing', year: 2024, target_mu: 12.5 },
    ]);
    expect(summary.targets).toBe(2);
    // The first parcel is a 0.005° × 0.004° square: its mine's point is inside it (the squares lie 0.01° apart).
    const [x, y] = programme.mines[0]!.location;
    const [x0, y0] = source.features[0]!.geometry.coordinates[0]![0]!;
    expect(x).toBeGreaterThan(x0);
    expect(x).toBeLessThan(x0 + 0.015);
    expect(y).toBeGreaterThan(y0);
    expect(y).toBeLessThan(y0 + 0.004);
  });

  it('keeps mines apart whose id field says the same', async () => {
    const read = await readParcels('wizard/hecha-4527.zip');
    const { content } = deriveProgramme({ ...base, parcels: read.parcels, mines: { kind: 'field', nameField: '矿山名称', idField: '乡镇名称' }, townships: { kind: 'single' } });
    expect(content.programme.mines.map((m) => [m.id, m.name])).toEqual([['马兰庄镇', '甲铁矿'], ['蔡园镇', '乙铁矿'], ['蔡园镇-2', '丙石料厂']]);
    expect(content.programme.parcels.features.map((p) => p.properties.mine_id)).toEqual(['马兰庄镇', '马兰庄镇', '蔡园镇', '蔡园镇-2', '蔡园镇-2']);
  });

  it('makes one mine per parcel when asked', async () => {
    const read = await readParcels('wizard/hecha-4527.zip');
    const { content } = deriveProgramme({ ...base, parcels: read.parcels, mines: { kind: 'per_parcel' }, townships: { kind: 'single' } });
    expect(content.programme.mines.map((m) => m.category)).toEqual(['abandoned', 'abandoned', 'producing', 'abandoned', 'abandoned']);
    expect(content.programme.mines).toHaveLength(source.features.length);
    expect(content.programme.parcels.features.map((p) => p.properties.mine_id)).toEqual(content.programme.mines.map((m) => m.id));
  });

  it('joins a separate mine table by 矿山编号 and reports its unmatched rows and the parcels left without a mine', async () => {
    const read = await readParcels('wizard/hecha-4527.zip');
    const table = readMineTable(readFileSync(new URL('../../fixtures/wizard/mines.csv', import.meta.url), 'utf8'), 'mines.csv');
    if (!table.ok) throw new Error(table.reason);
    expect(proposeMineTableColumns(table.value.columns)).toEqual({ id: '矿山编号', name: '矿山名称', category: '矿山类别' });
    const { content, summary } = deriveProgramme({
      ...base, parcels: read.parcels, townships: { kind: 'single' },
      mines: { kind: 'table', table: table.value, idColumn: '矿山编号', nameColumn: '矿山名称', categoryColumn: '矿山类别', parcelField: '矿山编号' },
    });
    const mines = content.programme.mines;
    expect(mines.slice(0, 2).map((m) => [m.id, m.name, m.category])).toEqual([['KS01', '甲铁矿', 'abandoned'], ['KS02', '乙铁矿', 'producing']]);
    // KS03 is not in the table: its two parcels each get a mine of their own, flagged.
    expect(mines.slice(2).map((m) => m.id)).toEqual(['M-130283-004', 'M-130283-005']);
    const groups = new Map(summary.problems.map((g) => [g.kind, g]));
    expect(groups.get('mine_row_unmatched')).toEqual({ kind: 'mine_row_unmatched', severity: 'notice', count: 1, examples: ['mines.csv:4 (KS04 丁采石场)'] });
    expect(groups.get('parcel_without_mine')?.examples).toEqual(['130283-004', '130283-005']);
    expect(content.programme.parcels.features.map((p) => p.properties.mine_id)).toEqual(['KS01', 'KS01', 'KS02', 'M-130283-004', 'M-130283-005']);
  });
});

describe('a mine table', () => {
  const csv = readFileSync(new URL('../../fixtures/wizard/mines.csv', import.meta.url), 'utf8');
  const expected = readMineTable(csv, 'mines.csv');

  it('reads the first sheet of an Excel workbook GDAL wrote as the same rows as the CSV it came from', () => {
    const xlsx = readMineTableFile(fixtureFile('wizard/mines.xlsx'));
    if (!xlsx.ok || !expected.ok) throw new Error('unreadable');
    expect(xlsx.value).toEqual({ ...expected.value, source: 'mines.xlsx' });
    expect(xlsx.value.rows.map((r) => r.cells['矿山名称'])).toEqual(['甲铁矿', '乙铁矿', '丁采石场']);
  });

  it('reads a CSV saved in GBK, as Excel on a Chinese Windows saves it', () => {
    const gbk = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: csv }));
    const table = readMineTableFile({ name: 'mines-gbk.csv', bytes: gbk });
    if (!table.ok || !expected.ok) throw new Error('unreadable');
    expect(table.value).toEqual({ ...expected.value, source: 'mines-gbk.csv' });
  });

  it('refuses a header with a nameless or repeated column', () => {
    expect(readMineTable('id,,name\n1,2,3\n', 't.csv')).toEqual({ ok: false, reason: 'line 1: column 2 has no name' });
    expect(readMineTable('id,id\n1,2\n', 't.csv')).toEqual({ ok: false, reason: 'line 1: two columns are named “id”' });
    expect(readMineTable('id,name\n', 't.csv')).toEqual({ ok: false, reason: 'the file has a header but no rows' });
  });
});
