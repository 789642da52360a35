// Programme contents for the archive tests: the demo as data/demo holds it, and a small programme
// with every corner the archive must keep (Chinese text, doubles that print long, holes,
// multi-parts, lines, an optional field absent, null and set, keys outside the model, periods,
// stated totals with and without township, review events with frozen treated polygons).
import { fileURLToPath } from 'node:url';
import { GENERAL_PRESET } from '../../src/domain/buffer-presets.ts';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { ProgrammeContent } from '../../src/domain/programme-content.ts';
import { demoProgramme } from './demo-files.ts';

export { demoProgramme };

const demo = fileURLToPath(new URL('../../data/demo/', import.meta.url));

export const DEMO_FILES = {
  programme: `${demo}programme.json`, parcels: `${demo}parcels.geojson`, treated: `${demo}treated.geojson`, zones: `${demo}zones.geojson`,
};

export function demoContent(): ProgrammeContent {
  return { programme: demoProgramme(), areaLevel: 'county', bufferDistances: GENERAL_PRESET.distances, reviews: [] };
}

const treatedOne: TreatedFeature = {
  type: 'Feature',
  properties: { id: 'T-1', parcel_id: 'P-1', mine_id: 'M-1', date: '2022-05-01', measure: 'vegetation', direction: 'forest', surveyor: '王小明', note: '' },
  geometry: { type: 'Polygon', coordinates: [[[118.5, 40], [118.505, 40], [118.505, 40.01], [118.5, 40.01], [118.5, 40]]] },
};

/** One unit in the last place above 118.3 (2⁻⁴⁶ there) and 40 + 1e-13: any rounding on the way shows. */
export const X = 118.3 + 2 ** -46;
export const Y = 40 + 1e-13;

export function sampleContent(): ProgrammeContent {
  return {
    areaLevel: 'city',
    bufferDistances: { ...GENERAL_PRESET.distances, river_lake: 2500.5 },
    programme: {
      id: 'TS-2026', name: '唐山市矿山生态修复方案（"三区两线"）', name_en: "Tangshan's programme, 2026", county: '河北省唐山市',
      townships: [{ id: 'T1', name: '马兰庄镇', name_en: 'Malanzhuang Town' }, { id: 'T2', name: '蔡园镇', name_en: '' }],
      mines: [
        { id: 'M-1', name: '大石河铁矿', name_en: 'Dashihe Iron Mine', mineral: '铁矿', township_id: 'T1', category: 'abandoned', responsible_party: null, location: [X, Y] },
        { id: 'M-2', name: "O'Neil; DROP TABLE mines;--", name_en: '', mineral: '石灰岩', township_id: 'T2', category: 'producing', responsible_party: '迁安市某某矿业有限公司', location: [118.6, 40.1] },
      ],
      parcels: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'P-1', mine_id: 'M-1', name: '采场\n第二行', damage_type: 'open_pit', direction: 'forest', status: 'accepted', tbdl: '10', tbxl: '11', note: '=1+2',
              source_attributes: { 图斑面积: 152345.67, 核查单位: '河北省地质调查院', 已复核: true, 备注: null } },
            geometry: { type: 'Polygon', coordinates: [
              [[118.5, 40], [118.51, 40], [118.51, 40.01], [118.5, 40.01], [118.5, 40]],
              [[118.502, 40.002], [118.502, 40.004], [118.504, 40.004], [118.504, 40.002], [118.502, 40.002]],
            ] },
          },
          {
            type: 'Feature',
            properties: { id: 'P-2', mine_id: 'M-2', name: '', damage_type: 'waste_dump', direction: 'grassland', status: 'untreated', tbdl: null, tbxl: null, note: '' },
            geometry: { type: 'MultiPolygon', coordinates: [
              [[[X, Y], [X + 0.003, Y], [X + 0.003, Y + 0.003], [X, Y]]],
              [[[118.7, 40.2], [118.71, 40.2], [118.71, 40.21], [118.7, 40.2]]],
            ] },
          },
          {
            type: 'Feature',
            properties: { id: 'P-3', mine_id: 'M-2', name: 'no tbxl', damage_type: 'subsidence', direction: 'natural', status: 'in_progress', tbdl: '40', note: '', 自定义: { nested: [1, 2] } } as never,
            geometry: { type: 'Polygon', coordinates: [[[118.8, 40.3], [118.81, 40.3], [118.81, 40.31], [118.8, 40.3]]] },
          },
        ],
      },
      treated: { type: 'FeatureCollection', features: [treatedOne, { ...treatedOne, properties: { ...treatedOne.properties, id: 'T-2', parcel_id: null, mine_id: null, date: '', source_attributes: { HCRQ: '2022年5月1日' } } }] },
      zones: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { id: 'Z-1', name: '滦河', name_en: 'Luan River', zone_type: 'river_lake', note: '' }, geometry: { type: 'MultiLineString', coordinates: [[[118.4, 39.9], [118.45, 40.3]], [[118.46, 40.3], [118.5, 40.4]]] } },
          { type: 'Feature', properties: { id: 'Z-2', name: '国道112线', name_en: 'G112', zone_type: 'traffic_line', note: '' }, geometry: { type: 'LineString', coordinates: [[118.4, 40.05], [118.9, 40.05]] } },
          { type: 'Feature', properties: { id: 'Z-3', name: '水源地', name_en: '', zone_type: 'water_source', note: '一级', source_attributes: { BHDLX: '饮用水水源保护区' } },
            geometry: { type: 'Polygon', coordinates: [[[118.6, 40.1], [118.62, 40.1], [118.62, 40.12], [118.6, 40.1]]] } },
        ],
      },
      targets: {
        rows: [
          { township_id: 'T1', category_group: 'producing', year: 2022, target_mu: 120.25 },
          { township_id: 'T2', category_group: 'closed_and_abandoned', year: 2022, to_year: 2023, target_mu: 85.5 },
        ],
        stated_totals: [{ year: 2022, target_mu: 205.75 }, { township_id: 'T1', category_group: 'producing', year: 2022, to_year: 2025, target_mu: 500 }],
        source: '唐山市方案 表3',
      },
    },
    reviews: [{
      parcel_id: 'P-1', status: 'accepted',
      events: [
        { action: 'submit', status: 'treated', at: '2022-06-01T08:00:00.000Z', who: '王小明', role: 'surveyor', note: '' },
        { action: 'accept', status: 'accepted', at: '2022-06-10T08:00:00.000Z', who: '李审查', role: 'reviewer', note: '通过', accepted: [treatedOne] },
      ],
    }],
  };
}
