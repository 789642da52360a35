import { describe, expect, it } from 'vitest';
import type { Feature, Polygon, Position } from 'geojson';
import { SnapTargets, type ScreenPoint } from '../../../src/domain/snap-targets.ts';

// A plain linear "screen": 1 pixel = 1e-5 degrees, y down, origin at (118, 40.01).
const project = ([x, y]: Position): ScreenPoint => ({ x: (x! - 118) / 1e-5, y: (40.01 - y!) / 1e-5 });
const unproject = ({ x, y }: ScreenPoint): Position => [118 + x * 1e-5, 40.01 - y * 1e-5];
const square = (x0: number, y0: number, size: number): Feature<Polygon> => ({
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]] },
});
const reach = (p: ScreenPoint, px: number) => {
  const [w, n] = unproject({ x: p.x - px, y: p.y - px });
  const [e, s] = unproject({ x: p.x + px, y: p.y + px });
  return [w!, s!, e!, n!] as [number, number, number, number];
};

describe('snap targets', () => {
  const targets = new SnapTargets([square(118.001, 40.001, 0.001), square(118.005, 40.005, 0.001)]);

  it('snaps to a vertex within reach, preferring it to a nearer edge', () => {
    const corner = project([118.002, 40.001]);
    const pointer = { x: corner.x - 6, y: corner.y - 1 };
    expect(targets.nearest(pointer, reach(pointer, 10), project, unproject, 10)).toEqual({ kind: 'vertex', position: [118.001 + 0.001, 40.001] });
  });

  it('snaps onto an edge at the foot of the perpendicular', () => {
    const onEdge = project([118.0015, 40.001]);
    const pointer = { x: onEdge.x, y: onEdge.y + 4 };
    const snap = targets.nearest(pointer, reach(pointer, 10), project, unproject, 10);
    expect(snap?.kind).toBe('edge');
    expect(snap!.position[0]).toBeCloseTo(118.0015, 9);
    expect(snap!.position[1]).toBeCloseTo(40.001, 9);
  });

  it('does not snap beyond reach', () => {
    const pointer = project([118.0035, 40.0035]);
    expect(targets.nearest(pointer, reach(pointer, 10), project, unproject, 10)).toBeNull();
  });
});
