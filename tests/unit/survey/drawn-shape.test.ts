import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { drawnShapeProblem } from '../../../src/domain/drawn-shape.ts';

const polygon = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });

describe('a hand-drawn polygon', () => {
  it('is accepted when it is a simple ring with area', () => {
    expect(drawnShapeProblem(polygon([[118.6, 40], [118.601, 40], [118.601, 40.001], [118.6, 40.001]]))).toBeNull();
  });

  it('is refused as self-intersecting when drawn as a bow tie, with the crossing point', () => {
    const problem = drawnShapeProblem(polygon([[118.6, 40], [118.602, 40.002], [118.602, 40], [118.6, 40.002]]));
    expect(problem?.code).toBe('self_intersection');
    if (problem?.code !== 'self_intersection') return;
    expect(problem.at[0]).toBeCloseTo(118.601, 9);
    expect(problem.at[1]).toBeCloseTo(40.001, 9);
  });

  it('is refused when a vertex touches another edge, or an edge folds back on its neighbour', () => {
    // The fifth vertex lies on the first edge.
    expect(drawnShapeProblem(polygon([[0, 0], [2, 0], [2, 2], [1, 2], [1, 0]].map(([x, y]) => [118 + x! / 1000, 40 + y! / 1000])))?.code).toBe('self_intersection');
    // Goes out along an edge and straight back before turning.
    expect(drawnShapeProblem(polygon([[0, 0], [2, 0], [1, 0], [1, 1]].map(([x, y]) => [118 + x! / 1000, 40 + y! / 1000])))?.code).toBe('self_intersection');
  });

  it('is refused with too few vertices or no real area', () => {
    expect(drawnShapeProblem(polygon([[118.6, 40], [118.601, 40]]))).toEqual({ code: 'too_few_vertices', vertices: 2 });
    expect(drawnShapeProblem(polygon([[118.6, 40], [118.601, 40], [118.601, 40]]))?.code).toBe('too_few_vertices');
    // Three vertices 5 cm apart: about 0.001 m².
    const tiny = drawnShapeProblem(polygon([[118.6, 40], [118.6000005, 40], [118.6, 40.0000005]]));
    expect(tiny?.code).toBe('too_small');
  });

  it('accepts every convex polygon (regular n-gons of any size above a square metre)', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 60 }), fc.double({ min: 0.0002, max: 0.05, noNaN: true }), fc.double({ min: 0, max: 6.28, noNaN: true }), (n, r, phase) => {
      const ring = Array.from({ length: n }, (_, k) => [118.6 + r * Math.cos(phase + (2 * Math.PI * k) / n), 40 + r * Math.sin(phase + (2 * Math.PI * k) / n)]);
      expect(drawnShapeProblem(polygon(ring))).toBeNull();
    }));
  });
});
