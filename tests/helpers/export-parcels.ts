// Parcels to export in the interchange tests: Chinese text that CSV, XML and DBF must all carry
// (quotes, commas, a line break, a full-width comma), a hole, a multipolygon, numbers, a boolean
// and source attributes kept from a 核查 import. Near Qian'an in 3° zone 40 (east of 118.5°E).
import type { ParcelFeature } from '../../src/domain/model.ts';
import { deepFreeze } from './analysis-features.ts';

export const exportParcels: readonly ParcelFeature[] = deepFreeze([
  {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [
      [[118.60, 40.02], [118.606, 40.0203], [118.6072, 40.0251], [118.6021, 40.0268], [118.5987, 40.0242], [118.60, 40.02]],
      [[118.6015, 40.0225], [118.6012, 40.0238], [118.6035, 40.0241], [118.6038, 40.0227], [118.6015, 40.0225]],
    ] },
    properties: {
      id: 'P-001', mine_id: 'M07', name: '大石河采场"北"，东坡, 一区', damage_type: 'open_pit', direction: 'forest', status: 'treated',
      tbdl: '10', tbxl: '11', note: '削坡后复绿\n第二行',
      source_attributes: { 图斑面积: 152345.67, 核查单位: '河北省地质调查院', 已复核: true, 图斑序号: 3 },
    },
  },
  {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: [
      [[[118.62, 40.05], [118.6235, 40.0502], [118.6231, 40.0531], [118.6198, 40.0528], [118.62, 40.05]]],
      [[[118.626, 40.051], [118.628, 40.051], [118.628, 40.0525], [118.626, 40.0525], [118.626, 40.051]]],
    ] },
    properties: {
      id: 'P-002', mine_id: 'M08', name: '马兰庄排土场', damage_type: 'waste_dump', direction: 'grassland', status: 'untreated',
      tbdl: '20', tbxl: '21', note: '', source_attributes: { 图斑面积: 48000.5, 核查单位: '迁安市自然资源局', 已复核: false, 图斑序号: 4 },
    },
  },
]);

/** The attribute values every format must give back (DBF field names aside). */
export function expectedAttributes(p: ParcelFeature): Record<string, string | number | boolean> {
  const { source_attributes, ...own } = p.properties;
  return { ...own, ...(source_attributes ?? {}) } as Record<string, string | number | boolean>;
}
