import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { withStatuses } from '../../../src/domain/current-statuses.ts';
import type { AreaGeometry, ParcelProperties, ParcelStatus } from '../../../src/domain/model.ts';
import { collectionDiff } from '../../../src/map/collection-diff.ts';

function parcels(n: number): FeatureCollection<AreaGeometry, ParcelProperties> {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { id: `P${i}`, mine_id: 'M1', name: `图斑${i}`, damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
      geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 0]]] },
    })),
  };
}

describe('parcels with their current status', () => {
  it('carry the status, and keep the record as it is', () => {
    const stored = parcels(3);
    const shown = withStatuses(stored, new Map<string, ParcelStatus>([['P1', 'in_progress']]));
    expect(shown.features.map((f) => f.properties.status)).toEqual(['untreated', 'in_progress', 'untreated']);
    expect(stored.features[1]!.properties.status).toBe('untreated');
    expect(shown.features[0]).toBe(stored.features[0]);
    expect(withStatuses(stored, new Map())).toBe(stored);
  });

  it('change, from one edit to the next, only where a status changed', () => {
    const stored = parcels(100);
    // Forty parcels have a status other than their record's (work drawn, steps of acceptance).
    const statuses = new Map<string, ParcelStatus>(Array.from({ length: 40 }, (_, i) => [`P${i}`, 'in_progress']));
    const before = withStatuses(stored, statuses);
    const same = withStatuses(stored, new Map(statuses));
    expect(collectionDiff(before, same)).toBeNull();
    const after = withStatuses(stored, new Map([...statuses, ['P7', 'treated'], ['P70', 'in_progress']]));
    const diff = collectionDiff(before, after);
    expect(diff === 'full' || diff === null ? diff : diff.add.map((f) => f.properties?.['id'])).toEqual(['P7', 'P70']);
  });
});
