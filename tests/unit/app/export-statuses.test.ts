// An export writes each parcel's status as the app shows it, not the status it was seeded with:
// a parcel recorded 未治理 with treated work attributed to it shows (and exports) 治理中; one a
// reviewer accepted exports 已验收. Read back by GDAL from the exported file.
import { describe, expect, it } from 'vitest';
import { layersInScope } from '../../../src/app/export-scope.ts';
import { currentStatuses } from '../../../src/domain/current-statuses.ts';
import type { Programme, TreatedFeature } from '../../../src/domain/model.ts';
import type { ParcelReview } from '../../../src/domain/review.ts';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import { demoProgramme } from '../../helpers/demo-files.ts';
import { ogrFeatures, scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const dir = scratchDir('export-statuses');
const demo = demoProgramme();
const untreated = demo.parcels.features.find((p) => p.properties.status === 'untreated')!;
const treated = demo.parcels.features.find((p) => p.properties.status === 'treated')!;
const work: TreatedFeature = {
  type: 'Feature', geometry: untreated.geometry,
  properties: { id: 'T-new', parcel_id: untreated.properties.id, mine_id: untreated.properties.mine_id, date: '2026-11-30', measure: 'vegetation', direction: 'forest', surveyor: '张三', note: '' },
};
const programme: Programme = { ...demo, treated: { ...demo.treated, features: [...demo.treated.features, work] } };
const reviews = new Map<string, ParcelReview>([[treated.properties.id, {
  parcel_id: treated.properties.id, status: 'accepted',
  events: [{ action: 'accept', status: 'accepted', at: '2026-12-01T10:00:00Z', who: '李四', note: '' }],
}]]);

function exportedStatuses(values: 'codes' | 'labels'): Map<string, string> {
  const layers = layersInScope(programme, currentStatuses(programme, reviews), 'all', { parcels: true, treated: false, zones: false });
  const out = exportLayers(layers, 'geojson', { values }, 'statuses');
  if (!out.ok) throw new Error(out.reason);
  const path = writeScratch(dir, `${values}.geojson`, out.value.files[0]!.bytes);
  return new Map(ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', path])).map((f) => [f['id']!, f['status']!]));
}

describe('exported statuses', () => {
  it('are the statuses the app shows, as codes', () => {
    const statuses = exportedStatuses('codes');
    expect(statuses.get(untreated.properties.id)).toBe('in_progress');
    expect(statuses.get(treated.properties.id)).toBe('accepted');
    // Parcels nothing happened to keep their record.
    const other = demo.parcels.features.find((p) => p.properties.status === 'closed')!;
    expect(statuses.get(other.properties.id)).toBe('closed');
  });

  it('are the statuses the app shows, as its Chinese labels', () => {
    const statuses = exportedStatuses('labels');
    expect(statuses.get(untreated.properties.id)).toBe('治理中');
    expect(statuses.get(treated.properties.id)).toBe('已验收');
  });
});
