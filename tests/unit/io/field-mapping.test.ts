import { describe, expect, it } from 'vitest';
import type { Mine } from '../../../src/domain/model.ts';
import type { ImportPreview } from '../../../src/io/import-types.ts';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { readImport } from '../../../src/io/read-import.ts';
import { retargetImport, withMapping } from '../../../src/io/retarget-import.ts';
import { fixtureFile } from '../../helpers/interchange-fixtures.ts';

const encoder = new TextEncoder();
const square = (lon: number) => ({ type: 'Polygon', coordinates: [[[lon, 40], [lon + 0.001, 40], [lon + 0.001, 40.001], [lon, 40.001], [lon, 40]]] });

/** A 核查 table as the provinces handed it out: pinyin-initial field names, codes and words mixed. */
const hecha = {
  type: 'FeatureCollection',
  features: [
    { TBBH: '130283-0001', KSMC: '大石河铁矿', TBDL: 10, TBXL: '11', TBSX: '采场', XFFX: '林地', HFZLZT: '已治理', BZ: '东坡', 核查单位: '省地调院' },
    { TBBH: '130283-0002', KSMC: '未登记矿山', TBDL: '历史遗留矿山', TBXL: '政策性关闭矿山', TBSX: '固体废弃物堆场（矸石堆）', XFFX: '水域', HFZLZT: '未治理', BZ: null, 核查单位: '省地调院' },
    { TBBH: '130283-0001', KSMC: '大石河铁矿', TBDL: '20', TBXL: '21', TBSX: '井口/硐口', XFFX: '草地', HFZLZT: '验收通过', BZ: '', 核查单位: '省地调院' },
    { TBBH: '', KSMC: '大石河铁矿', TBDL: '40', TBXL: '41', TBSX: '塌陷坑', XFFX: '耕地', HFZLZT: '治理中', BZ: '', 核查单位: '省地调院' },
  ].map((properties, i) => ({ type: 'Feature', properties, geometry: square(118.6 + i * 0.01) })),
};

const mines: Mine[] = [{ id: 'M07', name: '大石河铁矿', name_en: 'Dashihe', mineral: '铁', township_id: 'T1', category: 'abandoned', responsible_party: null, location: [118.6, 40] }];

async function previewOf(value: unknown, layer: 'parcels' | 'zones' | 'treated' = 'parcels'): Promise<ImportPreview> {
  const r = await readImport([{ name: 'hecha.geojson', bytes: encoder.encode(JSON.stringify(value)) }], { layer });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('field mapping of the national 核查 table', () => {
  it('proposes the 核查 fields and codes for parcels', async () => {
    const p = await previewOf(hecha);
    expect(p.mapping.fields).toEqual({ id: 'TBBH', mine_id: null, mine_name: 'KSMC', name: null, damage_type: 'TBSX', direction: 'XFFX', status: 'HFZLZT', tbdl: 'TBDL', tbxl: 'TBXL', note: 'BZ' });
    expect(p.mapping.values.damage_type).toEqual({ 采场: 'open_pit', '固体废弃物堆场（矸石堆）': 'waste_dump', '井口/硐口': 'other', 塌陷坑: 'subsidence' });
    expect(p.mapping.values.tbdl).toEqual({ 10: '10', 历史遗留矿山: '10', 20: '20', 40: '40' });
    expect(p.mapping.values.tbxl).toMatchObject({ 政策性关闭矿山: '12', 11: '11' });
    expect(p.mapping.values.direction).toMatchObject({ 林地: 'forest', 水域: null });
    expect(p.problems.find((x) => x.code === 'unmapped_value')!.reason).toMatch(/XFFX values "水域" have no direction code; they become "natural"/);
  });

  it('applies the mapping into typed parcels, keeping the rest of the 核查 attributes', async () => {
    const p = await previewOf(hecha);
    const applied = applyFieldMapping(p, p.mapping, { mines, existingIds: ['P-old'] });
    if (applied.mapped.layer !== 'parcels') throw new Error('layer');
    const [a, b, c, d] = applied.mapped.features;
    expect(a!.properties).toEqual({
      id: '130283-0001', mine_id: 'M07', mine_name: '大石河铁矿', name: '', damage_type: 'open_pit', direction: 'forest', status: 'treated',
      tbdl: '10', tbxl: '11', note: '东坡', source_attributes: { 核查单位: '省地调院' },
    });
    expect(b!.properties).toMatchObject({ mine_id: '', mine_name: '未登记矿山', damage_type: 'waste_dump', direction: 'natural', tbdl: '10', tbxl: '12', status: 'untreated' });
    expect(c!.properties).toMatchObject({ id: '130283-0001-2', status: 'accepted', tbdl: '20' });
    expect(d!.properties).toMatchObject({ id: 'P-import-4', damage_type: 'subsidence', status: 'in_progress', tbxl: '41' });
    expect(applied.problems.map((x) => [x.featureId, x.code])).toEqual(expect.arrayContaining([
      ['130283-0002', 'unknown_mine'], ['130283-0002', 'unmapped_value'], ['130283-0001', 'duplicate_id'], ['#4', 'missing_id'],
    ]));
  });

  it('honours a mapping the user edited, rejecting codes the model lacks', async () => {
    const p = await previewOf(hecha);
    const edited = { ...p.mapping, values: { ...p.mapping.values, direction: { ...p.mapping.values.direction, 水域: 'grassland', 林地: 'jungle' } } };
    const applied = applyFieldMapping(p, edited);
    const directions = applied.mapped.features.map((f) => (f.properties as { direction: string }).direction);
    expect(directions).toEqual(['natural', 'grassland', 'grassland', 'farmland']);
  });

  it('asks for a zone type when nothing gives one, then uses the chosen default', async () => {
    const p = retargetImport(await previewOf(hecha), 'zones');
    expect(p.problems.find((x) => x.code === 'missing_value')).toMatchObject({ severity: 'error', stage: 'layer' });
    const none = applyFieldMapping(p, p.mapping);
    expect(none.mapped.features).toEqual([]);
    const chosen = withMapping(p, { ...p.mapping, defaults: { ...p.mapping.defaults, zone_type: 'scenic_area' } });
    expect(chosen.problems.filter((x) => x.stage === 'layer')).toEqual([]);
    const applied = applyFieldMapping(chosen, chosen.mapping);
    expect(applied.mapped.features.map((f) => (f.properties as { zone_type: string }).zone_type)).toEqual(Array(4).fill('scenic_area'));
  });

  it('reads treated polygons\' dates as Chinese tables write them', async () => {
    const value = { type: 'FeatureCollection', features: ['2022年5月1日', '2022/6/3', '20230704', '2023-02-30'].map((d, i) => ({
      type: 'Feature', properties: { 编号: `T${i}`, 治理日期: d, 治理措施: '植被恢复', 调查人: '张三' }, geometry: square(118.6 + i * 0.01),
    })) };
    const p = await previewOf(value, 'treated');
    expect(p.mapping.fields).toMatchObject({ id: '编号', date: '治理日期', measure: '治理措施', surveyor: '调查人' });
    const applied = applyFieldMapping(p, p.mapping);
    expect(applied.mapped.features.map((f) => (f.properties as { date: string }).date)).toEqual(['2022-05-01', '2022-06-03', '2023-07-04']);
    expect(applied.problems.find((x) => x.code === 'invalid_date')).toMatchObject({ featureId: 'T3', severity: 'error' });
    expect(applied.skipped).toEqual([3]);
  });

  it('proposes the Chinese field names of a GDAL-written Shapefile', async () => {
    const r = await readImport([fixtureFile('interchange/gbk-4527.zip')], { layer: 'parcels' });
    expect(r.ok && r.value.mapping.fields).toMatchObject({ id: '图斑编号', mine_id: null, mine_name: '矿山名称', damage_type: '图斑属性', direction: '修复方向', tbdl: 'TBDL', tbxl: 'TBXL', note: '备注' });
  });
});
