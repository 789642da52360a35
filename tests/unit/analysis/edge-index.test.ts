import { describe, expect, it } from 'vitest';
import { edgeIndex, INSIDE, NEAR, OUTSIDE, sideOf } from '../../../src/domain/edge-index.ts';
import { validateGeometry } from '../../../src/domain/geometry-validation.ts';
import { packedToGeos } from '../../../src/domain/geos/geos-geometry.ts';
import { loadGeos } from '../../../src/domain/geos/geos-loader.ts';
import type { AreaGeometry } from '../../../src/domain/model.ts';
import type { BBox } from '../../../src/domain/packed-geometry.ts';

const geos = await loadGeos();

function indexOf(geometry: AreaGeometry): NonNullable<ReturnType<typeof edgeIndex>> {
  const check = validateGeometry(geometry, 'area');
  if (!check.valid) throw new Error(check.reason);
  const g = packedToGeos(geos, check.packed);
  const edges = edgeIndex(geos, g);
  geos.GEOSGeom_destroy(g);
  if (!edges) throw new Error('no edges');
  return edges;
}

const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('which side of an outline a bbox lies on', () => {
  // A 10° square with a 2° hole in the middle, and a second square part to the east.
  const framed = indexOf({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10, 10), square(4, 4, 6, 6)], [square(20, 0, 30, 10)]] });

  it('inside, from whichever side of the extent is nearest', () => {
    const boxes: BBox[] = [[0.5, 5, 0.6, 5.1], [9.4, 5, 9.5, 5.1], [5, 0.5, 5.1, 0.6], [5, 9.4, 5.1, 9.5], [1, 1, 2, 2], [25, 5, 26, 6]];
    for (const box of boxes) expect(sideOf(framed, box), box.join(',')).toBe(INSIDE);
  });

  it('outside: in the hole, between the parts, beyond the extent', () => {
    const boxes: BBox[] = [[4.5, 4.5, 5.5, 5.5], [12, 2, 18, 3], [31, 1, 32, 2], [-3, -3, -2, -2], [5, 11, 6, 12]];
    for (const box of boxes) expect(sideOf(framed, box), box.join(',')).toBe(OUTSIDE);
  });

  it('near when the bbox crosses or touches an edge, even of the hole', () => {
    const boxes: BBox[] = [[9, 9, 11, 11], [3.9, 4.5, 4.1, 4.6], [10, 1, 11, 2], [-1, -1, 31, 11]];
    for (const box of boxes) expect(sideOf(framed, box), box.join(',')).toBe(NEAR);
  });

  it('counts every crossing of a concave outline', () => {
    // A U: two arms joined at the bottom, the notch between them open to the north.
    const u = indexOf({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]]] });
    expect(sideOf(u, [4, 5, 6, 6])).toBe(OUTSIDE);
    expect(sideOf(u, [4, 8, 6, 9.5])).toBe(OUTSIDE);
    expect(sideOf(u, [8, 5, 9, 6])).toBe(INSIDE);
    expect(sideOf(u, [1, 8, 2, 9])).toBe(INSIDE);
    expect(sideOf(u, [4, 1, 6, 2])).toBe(INSIDE);
  });
});
