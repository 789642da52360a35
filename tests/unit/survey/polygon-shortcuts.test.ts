// Split and hole, judged by independent facts: pieces whose shapes are known by hand (halves of
// a rectangle along a meridian, a rectangle with a rectangular hole), areas that must add up.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineString, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { loadGeos, type Geos } from '../../../src/domain/geos/geos-loader.ts';
import { cutHole } from '../../../src/domain/polygon-hole.ts';
import { splitPolygon } from '../../../src/domain/polygon-split.ts';
import { deepFreeze, rect } from '../../helpers/analysis-features.ts';

let geos: Geos;
beforeAll(async () => {
  geos = await loadGeos();
});

const FIELD = deepFreeze(rect(118.60, 40.00, 118.62, 40.01));
const line = (...points: [number, number][]): LineString => deepFreeze({ type: 'LineString', coordinates: points });
/** Positive for counter-clockwise (RFC 7946 shells). */
/**
 * Pieces must add up to the whole within 1e-6 of it. Not exactly: edges are geodesics, and a
 * crossing vertex GEOS places on a lon/lat edge moves that edge by micrometres (measured: about
 * 2e-9 of the area).
 */
const sumsTo = (parts: readonly Polygon[], whole: Polygon): void => {
  const total = parts.reduce((s, p) => s + ellipsoidalArea(p), 0);
  expect(Math.abs(total - ellipsoidalArea(whole)) / ellipsoidalArea(whole)).toBeLessThan(1e-6);
};
const winding = (ring: number[][]): number => ring.slice(0, -1).reduce((s, p, i) => s + p[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * p[1]!, 0);

describe('splitting a polygon with a line', () => {
  it('cuts a rectangle along a meridian into its two hand-known halves, whose areas sum to the whole', () => {
    const result = splitPolygon(geos, FIELD, line([118.61, 39.99], [118.61, 40.02]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pieces).toHaveLength(2);
    const areas = result.pieces.map(ellipsoidalArea).sort((a, b) => a - b);
    const west = ellipsoidalArea(rect(118.60, 40.00, 118.61, 40.01));
    const east = ellipsoidalArea(rect(118.61, 40.00, 118.62, 40.01));
    // The halves are mirror images across the meridian: equal by symmetry.
    expect(areas[0]).toBeCloseTo(west, 6);
    expect(areas[1]).toBeCloseTo(east, 6);
    sumsTo(result.pieces, FIELD);
    for (const piece of result.pieces) expect(winding(piece.coordinates[0]!)).toBeGreaterThan(0);
  });

  it('keeps a hole with the piece it falls in, and does not count the hole as a piece', () => {
    const holed: Polygon = deepFreeze({ type: 'Polygon', coordinates: [FIELD.coordinates[0]!, [[118.603, 40.003], [118.603, 40.006], [118.606, 40.006], [118.606, 40.003], [118.603, 40.003]]] });
    const result = splitPolygon(geos, holed, line([118.61, 39.99], [118.61, 40.02]));
    expect(result.ok && result.pieces.length).toBe(2);
    if (!result.ok) return;
    sumsTo(result.pieces, holed);
    expect(result.pieces.filter((p) => p.coordinates.length === 2)).toHaveLength(1);
  });

  it('makes three pieces from a line that crosses twice (a zigzag)', () => {
    const result = splitPolygon(geos, FIELD, line([118.605, 39.99], [118.605, 40.02], [118.615, 40.02], [118.615, 39.99]));
    expect(result.ok && result.pieces.length).toBe(3);
    if (!result.ok) return;
    sumsTo(result.pieces, FIELD);
  });

  it('refuses a line that stops inside the polygon or misses it, with the reason', () => {
    for (const stops of [line([118.61, 39.99], [118.61, 40.005]), line([118.63, 39.99], [118.63, 40.02]), line([118.605, 40.002], [118.615, 40.008])]) {
      const result = splitPolygon(geos, FIELD, stops);
      expect(result).toEqual({ ok: false, refusal: { code: 'not_across', reason: expect.stringMatching(/does not cross the polygon/) } });
    }
  });
});

describe('cutting a hole', () => {
  it('makes a hole of a shape drawn inside: the area is the whole minus the hole', () => {
    const hole = rect(118.605, 40.002, 118.608, 40.005);
    const result = cutHole(geos, FIELD, hole);
    expect(result.ok).toBe(true);
    if (!result.ok || result.geometry.type !== 'Polygon') throw new Error('expected one polygon with a hole');
    expect(result.geometry.coordinates).toHaveLength(2);
    expect(winding(result.geometry.coordinates[0]!)).toBeGreaterThan(0);
    expect(winding(result.geometry.coordinates[1]!)).toBeLessThan(0);
    expect(Math.abs(ellipsoidalArea(result.geometry) - (ellipsoidalArea(FIELD) - ellipsoidalArea(hole)))).toBeLessThan(1e-6);
  });

  it('bites away the edge when the shape crosses it, leaving the hand-known remainder', () => {
    const result = cutHole(geos, FIELD, rect(118.615, 39.99, 118.63, 40.02));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(ellipsoidalArea(result.geometry)).toBeCloseTo(ellipsoidalArea(rect(118.60, 40.00, 118.615, 40.01)), 6);
  });

  it('leaves two polygons when the shape cuts right across', () => {
    const result = cutHole(geos, FIELD, rect(118.608, 39.99, 118.612, 40.02));
    expect(result.ok && result.geometry.type).toBe('MultiPolygon');
  });

  it('refuses a shape outside the polygon, or one that covers all of it', () => {
    expect(cutHole(geos, FIELD, rect(118.7, 40.0, 118.71, 40.01))).toMatchObject({ ok: false, refusal: { code: 'no_overlap' } });
    expect(cutHole(geos, FIELD, rect(118.5, 39.9, 118.7, 40.1))).toMatchObject({ ok: false, refusal: { code: 'removes_all' } });
  });
});
