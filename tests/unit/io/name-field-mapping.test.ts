// A mine's name is proposed as a name, never as an id (issue 15): GEM's `Mine Name`, the 核查
// table's 矿山名称 and their variants fill the mine-name role; 名称/Name fill the feature's name.
import { describe, expect, it } from 'vitest';
import type { Mine } from '../../../src/domain/model.ts';
import type { SourceField } from '../../../src/io/import-types.ts';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { proposeFieldMapping } from '../../../src/io/mapping/propose-field-mapping.ts';
import { fixtureFile, preview } from '../../helpers/interchange-fixtures.ts';

const fields = (...names: string[]): SourceField[] => names.map((name) => ({ name, type: 'string', samples: [] }));

describe('proposing name fields as names', () => {
  it('maps GEM\'s real header: Mine Name to the mine name, GEM Mine ID to the mine id', async () => {
    const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_china.geojson')]);
    // The header as GEM publishes it (v1.0.2), not a list written for this test.
    expect(p.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['Mine Name', 'GEM Mine ID', 'id', 'description']));
    expect(p.mapping.fields).toMatchObject({ id: 'id', mine_id: 'GEM Mine ID', mine_name: 'Mine Name' });
    expect(Object.values(p.mapping.fields).filter((source) => source === 'Mine Name')).toEqual(['Mine Name']);
  });

  it('carries GEM\'s mine name on every imported boundary, beside its GEM mine id', async () => {
    const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_tangshan.geojson')]);
    const applied = applyFieldMapping(p, p.mapping);
    if (applied.mapped.layer !== 'parcels') throw new Error('layer');
    const donghuantuo = applied.mapped.features.find((f) => f.properties.id === 'M1115.B1');
    // Values as the file has them (see the GeoJSON: "GEM Mine ID": "M1115", "Mine Name": "Donghuantuo Coal Mine").
    expect(donghuantuo?.properties).toMatchObject({ mine_id: 'M1115', mine_name: 'Donghuantuo Coal Mine' });
    expect(applied.mapped.features.every((f) => f.properties.mine_name && !f.properties.source_attributes?.['Mine Name'])).toBe(true);
  });

  it.each([
    ['Mine Name'], ['mine_name'], ['MINE_NAME'], ['矿山名称'], ['矿山名'], ['KSMC'],
  ])('proposes %s as the mine name of parcels and treated polygons, not as an id', (name) => {
    for (const layer of ['parcels', 'treated'] as const) {
      const m = proposeFieldMapping(layer, fields(name), []);
      expect(m.fields.mine_name, layer).toBe(name);
      expect(m.fields.mine_id ?? null, layer).toBeNull();
      expect(m.fields.id ?? null, layer).toBeNull();
    }
  });

  it.each([['名称'], ['Name'], ['NAME'], ['name']])('proposes %s as the feature\'s name', (name) => {
    const m = proposeFieldMapping('parcels', fields(name), []);
    expect(m.fields.name).toBe(name);
    expect(m.fields.id ?? null).toBeNull();
    expect(m.fields.mine_id ?? null).toBeNull();
  });

  it('tells a mine\'s name from its number and the parcel\'s own name in a 核查 table', () => {
    const m = proposeFieldMapping('parcels', fields('图斑编号', '矿山编号', '矿山名称', '图斑名称', '图斑大类', '图斑小类', '图斑属性', '修复方向', '恢复治理状态', '核查单位', '备注'), []);
    expect(m.fields).toEqual({
      id: '图斑编号', mine_id: '矿山编号', mine_name: '矿山名称', name: '图斑名称', damage_type: '图斑属性', direction: '修复方向',
      status: '恢复治理状态', tbdl: '图斑大类', tbxl: '图斑小类', note: '备注',
    });
  });

  it('links a mine named by the file to the programme\'s mine of that name, and keeps a name it does not know', () => {
    const mines = [{ id: 'M07', name: '大石河铁矿', name_en: 'Dashihe', mineral: '铁', township_id: 'T1', category: 'abandoned', responsible_party: null, location: [118.6, 40] }] as Mine[];
    const square = { type: 'Polygon' as const, coordinates: [[[118.6, 40], [118.601, 40], [118.601, 40.001], [118.6, 40]]] };
    const features = ['大石河铁矿', '新矿'].map((name, index) => ({ index, id: `#${index + 1}`, sourceLayer: 'x', geometry: square, properties: { 矿山名称: name }, geometryError: null }));
    const mapping = proposeFieldMapping('parcels', fields('矿山名称'), features);
    const applied = applyFieldMapping({ features }, mapping, { mines });
    if (applied.mapped.layer !== 'parcels') throw new Error('layer');
    expect(applied.mapped.features.map((f) => [f.properties.mine_id, f.properties.mine_name])).toEqual([['M07', '大石河铁矿'], ['', '新矿']]);
    expect(applied.problems.filter((p) => p.code === 'unknown_mine').map((p) => [p.featureId, p.params])).toEqual([['#2', { mine: '新矿' }]]);
  });
});
