import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { drawnAreaProblem, drawnShapeProblem } from '../../../src/domain/drawn-shape.ts';

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

describe('a polygon with holes reshaped by hand', () => {
  const at = (x: number, y: number): Position => [118 + x / 1000, 40 + y / 1000];
  const ring = (...pts: [number, number][]): Position[] => [...pts.map(([x, y]) => at(x, y)), at(pts[0]![0], pts[0]![1])];
  const shell = ring([0, 0], [10, 0], [10, 10], [0, 10]);
  it('is accepted with a hole inside its shell', () => {
    expect(drawnAreaProblem({ type: 'Polygon', coordinates: [shell, ring([2, 2], [2, 4], [4, 4], [4, 2])] })).toBeNull();
  });
  it('is refused when a hole crosses the shell, with the crossing point', () => {
    const problem = drawnAreaProblem({ type: 'Polygon', coordinates: [shell, ring([8, 2], [8, 4], [12, 4], [12, 2])] });
    expect(problem?.code).toBe('self_intersection');
    if (problem?.code === 'self_intersection') expect(problem.at[0]).toBeCloseTo(118.01, 9);
  });
  it('is refused when a hole lies outside the shell or inside another hole', () => {
    expect(drawnAreaProblem({ type: 'Polygon', coordinates: [shell, ring([12, 2], [12, 4], [14, 4], [14, 2])] })).toEqual({ code: 'hole_outside', hole: 1 });
    expect(drawnAreaProblem({ type: 'Polygon', coordinates: [shell, ring([1, 1], [1, 8], [8, 8], [8, 1]), ring([2, 2], [2, 4], [4, 4], [4, 2])] })).toEqual({ code: 'hole_outside', hole: 2 });
  });
  it('checks every part of a MultiPolygon', () => {
    const bowTie = ring([20, 0], [22, 2], [22, 0], [20, 2]);
    expect(drawnAreaProblem({ type: 'MultiPolygon', coordinates: [[shell], [bowTie]] })?.code).toBe('self_intersection');
  });
});
