// Plane geometry in the metric frame, used while laying shapes out (before anything is in lon/lat).
import type { XY } from './frame.ts';

export interface Circle {
  centre: XY;
  radius: number;
}

export function distance(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function offset([x, y]: XY, angle: number, length: number): XY {
  return [x + Math.cos(angle) * length, y + Math.sin(angle) * length];
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return distance(p, [a[0] + t * dx, a[1] + t * dy]);
}

export function distanceToPath(p: XY, path: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < path.length; i++) best = Math.min(best, distanceToSegment(p, path[i]!, path[i + 1]!));
  return best;
}

/** Even–odd test; the ring may be open or closed. */
export function insideRing([x, y]: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Twice the signed area: positive when the ring runs counter-clockwise. */
export function signedArea2(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** Least distance between two disjoint outlines (open rings): it is reached at a vertex of one. */
export function ringDistance(a: readonly XY[], b: readonly XY[]): number {
  const closedA = [...a, a[0]!];
  const closedB = [...b, b[0]!];
  let best = Infinity;
  for (const p of a) best = Math.min(best, distanceToPath(p, closedB));
  for (const p of b) best = Math.min(best, distanceToPath(p, closedA));
  return best;
}
