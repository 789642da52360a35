import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { createAnalysis, type Analysis } from '../../../src/domain/analysis-engine.ts';
import type { AnalysisResults, InputFeature, ParcelResult } from '../../../src/domain/analysis-types.ts';
import { GENERAL_PRESET, type BufferDistances } from '../../../src/domain/buffer-presets.ts';
import { treated } from '../../helpers/analysis-features.ts';
import { generateProgramme } from '../../helpers/programme/generate-programme.ts';

const programme = generateProgramme({ parcels: 300, treated: 150, seed: 5 });
const idOf = (f: InputFeature): string => (f.properties as { id: string }).id;
const base = { parcels: programme.parcels.features, zones: programme.zones.features, mines: programme.mines };

async function fresh(treatedFeatures: readonly InputFeature[], distances: BufferDistances): Promise<{ results: AnalysisResults; clips: number }> {
  const analysis = await createAnalysis({ ...base, treated: treatedFeatures, distances });
  const results = analysis.results();
  const clips = analysis.counter.clips;
  analysis.dispose();
  return { results, clips };
}

function expectSameFigures(a: AnalysisResults, b: AnalysisResults): void {
  expect(a.parcels.map((p) => p.id)).toEqual(b.parcels.map((p) => p.id));
  const near = (x: number, y: number): void => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
  a.parcels.forEach((p, i) => {
    const q = b.parcels[i]!;
    near(p.protected_overlap_m2, q.protected_overlap_m2);
    for (const [type, area] of Object.entries(p.protected_overlap_by_type)) near(area, q.protected_overlap_by_type[type as keyof typeof p.protected_overlap_by_type]);
    near(p.treated_m2, q.treated_m2);
    expect(Object.keys(p.treated_by_year).sort()).toEqual(Object.keys(q.treated_by_year).sort());
    expect(p.zones).toEqual(q.zones);
  });
  near(a.totals.treated_outside_parcels_m2, b.totals.treated_outside_parcels_m2);
  near(a.totals.protected_overlap_m2, b.totals.protected_overlap_m2);
  expect(a.issues).toEqual(b.issues);
}

function unchangedOutside(before: AnalysisResults, after: AnalysisResults, recomputed: readonly string[]): number {
  const touched = new Set(recomputed);
  const old = new Map(before.parcels.map((p) => [p.id, p]));
  let reused = 0;
  for (const p of after.parcels) {
    if (touched.has(p.id)) continue;
    expect(p).toEqual(old.get(p.id) as ParcelResult);
    reused++;
  }
  return reused;
}

describe('incremental updates', () => {
  it('changes one buffer distance by recomputing only that type near its buffers, equal to a full run', async () => {
    const analysis: Analysis = await createAnalysis({ ...base, treated: programme.treated.features, distances: GENERAL_PRESET.distances });
    const before = analysis.results();
    const clipsBefore = analysis.counter.clips;
    analysis.setBufferDistance('water_source', 1500);
    const clips = analysis.counter.clips - clipsBefore;
    const after = analysis.results();
    const full = await fresh(programme.treated.features, { ...GENERAL_PRESET.distances, water_source: 1500 });
    expectSameFigures(after, full.results);
    expect(analysis.lastRecomputed.length).toBeGreaterThan(0);
    expect(analysis.lastRecomputed.length).toBeLessThan(programme.parcels.features.length / 2);
    expect(unchangedOutside(before, after, analysis.lastRecomputed)).toBeGreaterThan(150);
    expect(clips).toBeLessThan(full.clips / 4);
    expect(after.distances.water_source).toBe(1500);
    analysis.dispose();
  });

  it('does nothing when the distance does not change, and refuses a bad one without losing state', async () => {
    const analysis = await createAnalysis({ ...base, distances: GENERAL_PRESET.distances });
    const clips = analysis.counter.clips;
    analysis.setBufferDistance('traffic_line', 1000);
    expect(analysis.counter.clips).toBe(clips);
    expect(analysis.lastRecomputed).toEqual([]);
    expect(() => analysis.setBufferDistance('traffic_line', -1)).toThrow(RangeError);
    expect(analysis.results().distances.traffic_line).toBe(1000);
    analysis.dispose();
  });

  it('edits, adds and deletes treated polygons by recomputing only the parcels under them', async () => {
    const features = [...programme.treated.features] as InputFeature[];
    const analysis = await createAnalysis({ ...base, treated: features, distances: GENERAL_PRESET.distances });
    const target = programme.parcels.features[17]!;
    const ring = (target.geometry as Polygon).coordinates[0]!;
    const edits: [string, () => void][] = [
      ['edit', () => {
        const moved = treated(idOf(features[3]!), '2018-06-01', target.geometry);
        features[3] = moved;
        analysis.updateTreated({ feature: moved });
      }],
      ['add', () => {
        const added = treated('NEW', '2026-01-01', { type: 'Polygon', coordinates: [ring.slice(0, -1).concat([ring[0]!]).map(([x, y]) => [x! + 0.0005, y!])] });
        features.push(added);
        analysis.updateTreated({ feature: added });
      }],
      ['delete', () => {
        const [removed] = features.splice(40, 1);
        analysis.updateTreated({ deleted: idOf(removed!) });
      }],
    ];
    for (const [_name, edit] of edits) {
      const before = analysis.results();
      const clipsBefore = analysis.counter.clips;
      edit();
      const after = analysis.results();
      const full = await fresh(features, GENERAL_PRESET.distances);
      expectSameFigures(after, full.results);
      expect(analysis.lastRecomputed.length).toBeLessThan(30);
      expect(unchangedOutside(before, after, analysis.lastRecomputed)).toBeGreaterThan(270);
      expect(analysis.counter.clips - clipsBefore).toBeLessThan(full.clips / 10);
    }
    analysis.dispose();
  });

  it('reports a broken edit as an issue and clears it when the polygon is fixed', async () => {
    const analysis = await createAnalysis({ ...base, treated: programme.treated.features, distances: GENERAL_PRESET.distances });
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[118.5, 40], [118.51, 40.01], [118.51, 40], [118.5, 40.01], [118.5, 40]]] };
    analysis.updateTreated({ feature: treated('T000001', '2021-01-01', bowTie) });
    expect(analysis.results().issues).toEqual([expect.objectContaining({ layer: 'treated', id: 'T000001', code: 'self_intersection' })]);
    analysis.updateTreated({ feature: programme.treated.features[0]! });
    expectSameFigures(analysis.results(), (await fresh(programme.treated.features, GENERAL_PRESET.distances)).results);
    analysis.dispose();
  });
});
