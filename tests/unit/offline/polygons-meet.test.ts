// The fast "do these polygons share a point" test behind the live buffer warning agrees with
// Turf's booleanIntersects, on random shapes around a buffer with a hole and on the edge cases.
import { describe, expect, it } from 'vitest';
import booleanIntersects from '@turf/boolean-intersects';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { polygonsMeet } from '../../../src/domain/polygons-meet.ts';

function star(cx: number, cy: number, r: number, n: number, phase: number, wobble: number[]): Position[] {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = phase + (i * 2 * Math.PI) / n;
    const k = r * (0.6 + 0.4 * wobble[i % wobble.length]!);
    return [cx + Math.cos(a) * k, cy + Math.sin(a) * k];
  });
  return [...ring, ring[0]!];
}

const buffer: Polygon = {
  type: 'Polygon',
  coordinates: [star(0, 0, 10, 400, 0, [0.2, 0.9, 0.5, 1, 0.7]), star(0, 0, 3, 40, 0.1, [1]).reverse()],
};
const poly = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => poly([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]);

describe('whether a drawn shape meets a buffer', () => {
  it('agrees with Turf on random shapes inside, across, outside and in the hole', () => {
    fc.assert(fc.property(
      fc.double({ min: -14, max: 14, noNaN: true }), fc.double({ min: -14, max: 14, noNaN: true }),
      fc.double({ min: 0.05, max: 4, noNaN: true }), fc.integer({ min: 3, max: 12 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 6 }),
      (x, y, r, n, wobble) => {
        const shape = poly(star(x, y, r, n, 0.3, wobble));
        expect(polygonsMeet(shape.coordinates, buffer.coordinates)).toBe(booleanIntersects(shape, buffer));
      },
    ), { numRuns: 400, seed: 42 });
  });

  it('counts a shared edge or a touching corner, and a shape holding the whole buffer', () => {
    const a = square(0, 0, 1, 1);
    expect(polygonsMeet(square(1, 0, 2, 1).coordinates, a.coordinates)).toBe(true);
    expect(polygonsMeet(square(1, 1, 2, 2).coordinates, a.coordinates)).toBe(true);
    expect(polygonsMeet(square(1.01, 0, 2, 1).coordinates, a.coordinates)).toBe(false);
    expect(polygonsMeet(square(-5, -5, 5, 5).coordinates, a.coordinates)).toBe(true);
    expect(polygonsMeet(square(0.2, 0.2, 0.4, 0.4).coordinates, a.coordinates)).toBe(true);
  });
});
