// The figures of a mine's file and its map sketch: a mine's status follows its parcels', its
// figures are its parcels' sums, and the sketch fits every shape into its box.
import { describe, expect, it } from 'vitest';
import type { ParcelResult } from '../../../src/domain/analysis-types.ts';
import { mineFigures } from '../../../src/domain/mine-figures.ts';
import { mineStatus } from '../../../src/domain/mine-status.ts';
import { reviewActionsFor } from '../../../src/domain/review.ts';
import { sketchPaths } from '../../../src/domain/sketch-paths.ts';
import { rect } from '../../helpers/analysis-features.ts';
import { fieldProgramme, treatedFeature } from '../../helpers/field-store.ts';

describe('mine status', () => {
  it('is accepted only when every parcel is, sent back when any parcel is', () => {
    expect(mineStatus([])).toBe('untreated');
    expect(mineStatus(['untreated', 'untreated'])).toBe('untreated');
    expect(mineStatus(['untreated', 'treated'])).toBe('in_progress');
    expect(mineStatus(['treated', 'accepted'])).toBe('treated');
    expect(mineStatus(['accepted', 'closed'])).toBe('accepted');
    expect(mineStatus(['closed', 'closed'])).toBe('closed');
    expect(mineStatus(['accepted', 'rejected'])).toBe('rejected');
  });

  it('offers the reviewer only the steps the flow allows', () => {
    expect(reviewActionsFor('treated')).toEqual(['accept', 'send_back']);
    expect(reviewActionsFor('accepted')).toEqual(['send_back', 'close']);
    expect(reviewActionsFor('rejected')).toEqual(['submit']);
    expect(reviewActionsFor('untreated')).toEqual([]);
  });
});

describe('mine figures', () => {
  const result = (id: string, area: number, treated: number, overlap: number): ParcelResult => ({
    id, mine_id: 'T-M1', area_m2: area, area_mu: 0, area_ha: 0, protected_overlap_m2: overlap, protected_overlap_by_type: {} as ParcelResult['protected_overlap_by_type'],
    treated_m2: treated, treatment_rate: treated / area, treated_by_year: {}, zones: [],
  });

  it('sums the mine’s parcels and lists the treated polygons tied to it, oldest first', () => {
    const programme = fieldProgramme([treatedFeature('T-T2', { date: '2024-05-01' }), treatedFeature('T-T1', { date: '2023-05-01' }), treatedFeature('T-T9', { parcel_id: 'T-M2-P1', mine_id: 'T-M2' })]);
    const figures = mineFigures(programme, 'T-M1', [result('T-M1-P1', 1000, 400, 50), result('T-M2-P1', 500, 0, 0)], new Map([['T-M1-P1', 'accepted']]));
    expect(figures.parcels.map((p) => p.parcel.properties.id)).toEqual(['T-M1-P1']);
    expect(figures.treated.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
    expect(figures).toMatchObject({ area_m2: 1000, treated_m2: 400, treatment_rate: 0.4, protected_overlap_m2: 50, accepted_parcels: 1, status: 'accepted' });
  });
});

describe('sketch paths', () => {
  it('fits the shapes inside the box with its padding and keeps north up', () => {
    const sketch = sketchPaths([rect(118.5, 40.1, 118.52, 40.11), null], { width: 200, height: 100, padding: 10 });
    expect(sketch.paths[1]).toBe('');
    const points = [...sketch.paths[0]!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(9.9);
      expect(x).toBeLessThanOrEqual(190.1);
      expect(y).toBeGreaterThanOrEqual(9.9);
      expect(y).toBeLessThanOrEqual(90.1);
    }
    // The south-west corner comes first and is drawn lower (larger y) than the north edge.
    expect(points[0]![1]).toBeGreaterThan(points[2]![1]);
    // 0.01° of latitude (about 1113 m) fills the 80 units of height left inside the padding.
    expect(sketch.metresPerUnit * 80).toBeCloseTo(1113.2, 0);
  });

  it('labels each shape at the centre of its largest ring, and nothing for no shape', () => {
    // Two squares side by side fill the box: each label sits at its own square's centre, which
    // the box's symmetry places at a quarter and three quarters of its width, half its height.
    const sketch = sketchPaths([rect(118.5, 40.1, 118.51, 40.11), rect(118.51, 40.1, 118.52, 40.11), null], { width: 200, height: 100, padding: 10 });
    const [left, right, none] = sketch.labelPoints;
    expect(none).toBeNull();
    expect(left![1]).toBeCloseTo(50, 6);
    expect(right![1]).toBeCloseTo(50, 6);
    expect(left![0] + right![0]).toBeCloseTo(200, 6);
    expect(right![0] - left![0]).toBeCloseTo(80 * 0.01 * Math.cos((40.105 * Math.PI) / 180) / 0.01, 6);
  });
});
