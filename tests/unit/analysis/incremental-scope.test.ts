import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { ZONE_TYPES } from '../../../src/domain/model.ts';
import type { AnalysisResults, InputFeature } from '../../../src/domain/analysis-types.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { feature } from '../../helpers/analysis-features.ts';
import { scaleProgramme } from '../../../data/scale-generator/scale-programme.ts';

// A province-scale programme (50,000 parcels that never overlap, 25,000 treated polygons inside
// them), as the benchmark's: which layers and parcels an edit redoes, counted, not timed. One
// analysis serves both edits (the treated edit does not depend on the distance changed before).
const programme = scaleProgramme({ parcels: 50_000, treated: 25_000, seed: 4 });
const analysis = await createAnalysis({
  parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features, mines: programme.mines, distances: GENERAL_PRESET.distances,
});
afterAll(() => analysis.dispose());
type BBox = [number, number, number, number];

function bboxOf(coordinates: unknown): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x!); box[1] = Math.min(box[1], y!); box[2] = Math.max(box[2], x!); box[3] = Math.max(box[3], y!);
    } else for (const child of c as unknown[]) walk(child);
  };
  walk(coordinates);
  return box;
}

const meets = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const parcelBoxes = new Map(programme.parcels.features.map((p) => [p.properties.id, bboxOf(p.geometry.coordinates)]));

/** Ids of the parcels whose figures differ between two results. */
function changed(before: AnalysisResults, after: AnalysisResults): string[] {
  const old = new Map(before.parcels.map((p) => [p.id, JSON.stringify(p)]));
  return after.parcels.filter((p) => old.get(p.id) !== JSON.stringify(p)).map((p) => p.id);
}

describe('what an edit recomputes on a province-like programme', () => {
  it('a buffer distance: only that type\'s layer, and only parcels within reach of its zones, every changed one among them', () => {
    const before = analysis.results();
    const builds = { ...analysis.layerBuilds };
    analysis.setBufferDistance('water_source', 1500);
    const recomputed = new Set(analysis.lastRecomputed);
    const after = analysis.results();
    for (const t of ZONE_TYPES) expect(analysis.layerBuilds[t] - builds[t], t).toBe(t === 'water_source' ? 1 : 0);
    // Within reach: a parcel's bbox meets a water source's bbox grown by 1.5 km (≈ 0.02° here).
    const grow = 0.02;
    const sources = programme.zones.features.filter((z) => z.properties.zone_type === 'water_source').map((z) => {
      const [w, s, e, n] = bboxOf(z.geometry.coordinates);
      return [w - grow, s - grow, e + grow, n + grow] as BBox;
    });
    for (const id of recomputed) expect(sources.some((b) => meets(parcelBoxes.get(id)!, b)), id).toBe(true);
    const moved = changed(before, after);
    expect(moved.length).toBeGreaterThan(0);
    for (const id of moved) expect(recomputed.has(id), id).toBe(true);
    // Here the water sources reach a small share of the parcels; the rest keep their figures untouched.
    expect(recomputed.size).toBeLessThan(programme.parcels.features.length / 5);
  });

  it('a treated polygon moved: only the parcels under its old and new place', () => {
    const before = analysis.results();
    const clips = analysis.counter.clips;
    const original = programme.treated.features[10]!;
    const shifted = (original.geometry.coordinates as number[][][]).map((ring) => ring.map(([x, y]) => [x! + 0.003, y!]));
    analysis.updateTreated({ feature: feature(original.properties.id, { type: 'Polygon', coordinates: shifted }, { date: original.properties.date }) as InputFeature });
    const recomputed = analysis.lastRecomputed;
    // A handful of overlays: those parcels' treated area, and the moved polygon's part outside them
    // (its union with the polygons it meets, less the parcels it meets), not a pass over 25k.
    expect(analysis.counter.clips - clips).toBeLessThanOrEqual(recomputed.length + 3);
    const after = analysis.results();
    const places = [bboxOf(original.geometry.coordinates), bboxOf(shifted)];
    for (const id of recomputed) expect(places.some((b) => meets(parcelBoxes.get(id)!, b)), id).toBe(true);
    const moved = changed(before, after);
    expect(moved).toContain(original.properties.parcel_id);
    for (const id of moved) expect(recomputed).toContain(id);
    expect(recomputed.length).toBeLessThanOrEqual(4);
  });
});
