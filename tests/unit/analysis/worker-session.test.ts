import { describe, expect, it } from 'vitest';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { NO_TREATMENT_DATE, UNKNOWN_YEAR, type AnalysisResults } from '../../../src/domain/analysis-types.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import type { AnalysisResponse } from '../../../src/workers/analysis-protocol.ts';
import { applyResults } from '../../../src/workers/analysis-results.ts';
import { createAnalysisSession } from '../../../src/workers/analysis-session.ts';
import { packFeatures } from '../../../src/workers/packed-features.ts';
import { feature, parcel, rect, treated, zone } from '../../helpers/analysis-features.ts';

describe('the analysis worker session', () => {
  it('loads a programme with progress, then answers edits in order with what they recomputed', async () => {
    const messages: AnalysisResponse[] = [];
    const send = createAnalysisSession((m) => messages.push(m));
    void send({ type: 'setBufferDistances', requestId: 1, distances: { ...GENERAL_PRESET.distances, traffic_line: 100 } });
    void send({
      type: 'load', requestId: 2, distances: GENERAL_PRESET.distances,
      parcels: packFeatures([parcel('near', rect(118.5, 40, 118.51, 40.01)), parcel('far', rect(118.8, 40.2, 118.81, 40.21))]),
      zones: packFeatures([zone('road', 'traffic_line', { type: 'LineString', coordinates: [[118.49, 39.9], [118.49, 40.1]] })]),
      treated: packFeatures([]),
    });
    void send({ type: 'setBufferDistances', requestId: 3, distances: { ...GENERAL_PRESET.distances, traffic_line: 2000 } });
    void send({ type: 'updateTreated', requestId: 4, change: { feature: treated('t', '2024-04-01', rect(118.8, 40.2, 118.805, 40.21)) } });
    await send({ type: 'dispose', requestId: 5 });

    expect(messages[0]).toEqual({ type: 'error', requestId: 1, message: expect.stringMatching(/no programme loaded/) });
    expect(messages.some((m) => m.type === 'progress' && m.requestId === 2)).toBe(true);
    const results = messages.filter((m) => m.type === 'results');
    expect(results.map((m) => [m.requestId, m.recomputed])).toEqual([[2, ['near', 'far']], [3, ['near']], [4, ['far']]]);
    // After the load only the recomputed parcels travel; the page folds them into what it has.
    expect(results.map((m) => [m.whole, m.parcels.map((p) => p.id)])).toEqual([[true, ['near', 'far']], [false, ['near']], [false, ['far']]]);
    const [loaded, widened, treatedUpdate] = results.map((_, i) => results.slice(0, i + 1).reduce<AnalysisResults | null>(applyResults, null)!);
    expect(widened!.parcels[0]!.protected_overlap_by_type.traffic_line).toBeGreaterThan(loaded!.parcels[0]!.protected_overlap_by_type.traffic_line);
    expect(treatedUpdate!.parcels[0]).toBe(widened!.parcels[0]);
    expect(treatedUpdate!.parcels[1]!.treatment_rate).toBeCloseTo(0.5, 2);
    expect(messages.at(-1)).toEqual({ type: 'disposed', requestId: 5 });
  });
});

describe('the analysis worker session, for the map', () => {
  it('sends the buffers it measures against and the overlap of one parcel', async () => {
    const messages: AnalysisResponse[] = [];
    const send = createAnalysisSession((m) => messages.push(m));
    void send({
      type: 'load', requestId: 1, distances: GENERAL_PRESET.distances,
      parcels: packFeatures([parcel('near', rect(118.5, 40, 118.51, 40.01)), parcel('far', rect(118.8, 40.2, 118.81, 40.21))]),
      zones: packFeatures([zone('road', 'traffic_line', { type: 'LineString', coordinates: [[118.49, 39.9], [118.49, 40.1]] })]),
      treated: packFeatures([]),
    });
    void send({ type: 'overlapGeometry', requestId: 2, parcelId: 'near' });
    void send({ type: 'overlapGeometry', requestId: 3, parcelId: 'far' });
    await send({ type: 'updateTreated', requestId: 4, change: { deleted: 'none' } });

    const load = messages.find((m) => m.type === 'results' && m.requestId === 1);
    expect(load?.type === 'results' && load.buffers?.features.map((f) => f.properties)).toEqual([
      { id: 'buffer-traffic_line', zone_type: 'traffic_line', distance_m: 1000 },
    ]);
    const near = messages.find((m) => m.type === 'overlapGeometry' && m.requestId === 2);
    if (near?.type !== 'overlapGeometry' || !near.geometry) throw new Error('no overlap geometry for the near parcel');
    // The strip of the parcel within 1000 m east of the road at 118.49°E: its east edge lies
    // 1000 m along the parallel of 40°N, i.e. Δλ = d / (N cos φ) on the CGCS2000 ellipsoid.
    const a = 6378137;
    const f = 1 / 298.257222101;
    const e2 = f * (2 - f);
    const phi = (40.005 * Math.PI) / 180;
    const n = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    const expectedEast = 118.49 + (1000 / (n * Math.cos(phi)) * 180) / Math.PI;
    const lons = JSON.stringify(near.geometry.coordinates).match(/-?\d+\.\d+(?=,)/g)!.map(Number);
    expect(Math.min(...lons)).toBeCloseTo(118.5, 9);
    expect(Math.abs(Math.max(...lons) - expectedEast) * n * Math.cos(phi) * Math.PI / 180).toBeLessThan(5);
    expect(messages.find((m) => m.type === 'overlapGeometry' && m.requestId === 3)).toMatchObject({ geometry: null });
    expect(messages.find((m) => m.requestId === 4)).toMatchObject({ type: 'results', buffers: null });
  });
});

describe('the analysis worker session, with a treated polygon that has no date', () => {
  it('counts it under the unknown year with a notice, and moves it to its year once dated', async () => {
    const messages: AnalysisResponse[] = [];
    const send = createAnalysisSession((m) => messages.push(m));
    const half = rect(118.5, 40, 118.505, 40.01);
    void send({
      type: 'load', requestId: 1, distances: GENERAL_PRESET.distances,
      parcels: packFeatures([parcel('P', rect(118.5, 40, 118.51, 40.01))]), zones: packFeatures([]),
      treated: packFeatures([feature('t', half, { date: '' })]),
    });
    await send({ type: 'updateTreated', requestId: 2, change: { feature: treated('t', '2024-04-01', half) } });
    const [undated, dated] = messages.filter((m) => m.type === 'results').map((_, i, all) => all.slice(0, i + 1).reduce<AnalysisResults | null>(applyResults, null)!);
    const m2 = ellipsoidalArea(half);
    expect(Math.abs(undated!.totals.by_year[UNKNOWN_YEAR]!.treated_m2 - m2)).toBeLessThan(1e-8 * m2);
    expect(undated!.totals.treated_without_date).toBe(1);
    expect(undated!.notices).toEqual([expect.objectContaining({ layer: 'treated', id: 't', code: NO_TREATMENT_DATE })]);
    expect(Object.keys(dated!.totals.by_year)).toEqual(['2024']);
    expect(Math.abs(dated!.parcels[0]!.treated_by_year['2024']! - m2)).toBeLessThan(1e-8 * m2);
    expect(dated!.totals.treated_without_date).toBe(0);
    expect(dated!.notices).toEqual([]);
  });
});
