import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { UNKNOWN_YEAR, type AnalysisResults } from '../../../src/domain/analysis-types.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { feature, parcel, rect, treated } from '../../helpers/analysis-features.ts';

// A grid of cells, d = 0.002° (about 170 × 220 m), near Qian'an; areas by GeographicLib.
const [x0, y0, d] = [118.6, 40.1, 0.002];
const cells = (a: number, b: number, c: number, e: number): Polygon => rect(x0 + a * d, y0 + b * d, x0 + c * d, y0 + e * d);
const A = (p: Polygon): number => ellipsoidalArea(p);
/**
 * A ring given in cell units, counter-clockwise. The outlines below are written out vertex by
 * vertex as the overlay must give them: an edge along a parallel measures differently when split
 * (its geodesic moves), so a union's area is not the sum of its rectangles' areas.
 */
const ring = (...xy: number[]): Polygon => {
  const points = [];
  for (let i = 0; i < xy.length; i += 2) points.push([x0 + xy[i]! * d, y0 + xy[i + 1]! * d]);
  return { type: 'Polygon', coordinates: [[...points, points[0]!]] };
};
// Exact to 1e-6, as against PostGIS.
const close = (actual: number | undefined, expected: number): void => {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-6 * expected + 1e-6);
};

// Two parcels side by side. F lies across both (inside their union, in neither alone); G meets F
// and rises north out of the parcels; H, earlier, meets G only outside the parcels; so F, G and H
// are one cluster, tied together by G. K, undated, lies apart; E lies inside P1.
const parcels = [parcel('P1', cells(0, 0, 2, 2)), parcel('P2', cells(2, 0, 4, 2))];
const F = treated('F', '2020-03-01', cells(1, 1, 3, 2));
const G = treated('G', '2021-03-01', cells(2.5, 1.5, 3.5, 3));
const H = treated('H', '2019-03-01', cells(3, 2.5, 4.5, 3.5));
const K = feature('K', cells(6, 0, 7, 1));
const E = treated('E', '2018-03-01', cells(0, 0, 1, 1));
const input = { parcels, zones: [], distances: GENERAL_PRESET.distances };

const outsideBy = (results: AnalysisResults, year: string): number | undefined => results.totals.by_year[year]?.treated_outside_parcels_m2;

describe('treated area outside parcels, by cluster of treated polygons', () => {
  // H's part outside is all of it, in 2019; G adds what H does not cover north of the parcels.
  const h = A(cells(3, 2.5, 4.5, 3.5));
  const ghOutside = A(ring(2.5, 2, 3.5, 2, 3.5, 2.5, 4.5, 2.5, 4.5, 3.5, 3, 3.5, 3, 3, 2.5, 3));
  const gOutside = ghOutside - h;
  const k = A(cells(6, 0, 7, 1));

  it('measures union − parcels once per cluster, each part in the year of the earliest polygon over it', async () => {
    const analysis = await createAnalysis({ ...input, treated: [F, G, H, K, E] });
    const results = analysis.results();
    analysis.dispose();
    close(outsideBy(results, '2019'), h);
    close(outsideBy(results, '2021'), gOutside);
    expect(outsideBy(results, '2020')).toBe(0);
    expect(outsideBy(results, '2018')).toBe(0);
    close(outsideBy(results, UNKNOWN_YEAR), k);
    close(results.totals.treated_outside_parcels_m2, h + gOutside + k);
    expect(results.issues).toEqual([]);
  });

  it('splits a cluster when the polygon tying it is deleted, and joins clusters when one is added', async () => {
    const analysis = await createAnalysis({ ...input, treated: [F, G, H, K, E] });
    analysis.updateTreated({ deleted: 'G' });
    let results = analysis.results();
    close(outsideBy(results, '2019'), h);
    expect(outsideBy(results, '2021')).toBeUndefined();
    close(results.totals.treated_outside_parcels_m2, h + k);
    // J, along P2's eastern edge, meets H and K: one cluster. Undated K now counts only where J is not.
    analysis.updateTreated({ feature: treated('J', '2024-01-01', cells(4, 0.5, 6.5, 3)) });
    results = analysis.results();
    const hj = A(ring(4, 0.5, 6.5, 0.5, 6.5, 3, 4.5, 3, 4.5, 3.5, 3, 3.5, 3, 2.5, 4, 2.5));
    const hjk = A(ring(6, 0, 7, 0, 7, 1, 6.5, 1, 6.5, 3, 4.5, 3, 4.5, 3.5, 3, 3.5, 3, 2.5, 4, 2.5, 4, 0.5, 6, 0.5));
    close(outsideBy(results, '2019'), h);
    close(outsideBy(results, '2024'), hj - h);
    close(outsideBy(results, UNKNOWN_YEAR), hjk - hj);
    close(results.totals.treated_outside_parcels_m2, hjk);
    analysis.dispose();
  });
});
