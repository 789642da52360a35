// Checks a polygon a surveyor draws or edits by hand before it is kept: enough distinct vertices,
// a real area, and no edge crossing or touching another. Hand-drawn rings are small (tens to a few
// hundred vertices), so every pair of edges is compared; no GEOS is needed on the main thread.
import type { Polygon, Position } from 'geojson';
import { ellipsoidalArea } from './ellipsoidal-area.ts';
import type { AreaGeometry } from './model.ts';

export type DrawnShapeProblem =
  | { code: 'too_few_vertices'; vertices: number }
  | { code: 'too_small'; areaM2: number }
  | { code: 'self_intersection'; at: Position }
  | { code: 'too_many_vertices'; vertices: number }
  | { code: 'hole_outside'; hole: number };

/** Below this a polygon is a slip of the finger, not a treated area. */
export const MIN_DRAWN_AREA_M2 = 1;
export const MAX_DRAWN_VERTICES = 5000;

function distinctVertices(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  return Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
}

/** Where segments ab and cd meet (crossing, touching or overlapping), or null. */
function meeting(a: Position, b: Position, c: Position, d: Position): Position | null {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
  }
  if (d1 === 0 && onSegment(a, c, d)) return a;
  if (d2 === 0 && onSegment(b, c, d)) return b;
  if (d3 === 0 && onSegment(c, a, b)) return c;
  if (d4 === 0 && onSegment(d, a, b)) return d;
  return null;
}

function selfIntersection(vertices: readonly Position[]): Position | null {
  const n = vertices.length;
  for (let i = 0; i < n; i++) {
    const a = vertices[i]!;
    const b = vertices[(i + 1) % n]!;
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex by construction; only a fold back along them counts.
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const c = vertices[j]!;
      const d = vertices[(j + 1) % n]!;
      if (adjacent) {
        const shared = j === i + 1 ? b : a;
        const other1 = j === i + 1 ? a : b;
        const other2 = j === i + 1 ? d : c;
        if (cross(shared, other1, other2) === 0 && (other1[0]! - shared[0]!) * (other2[0]! - shared[0]!) + (other1[1]! - shared[1]!) * (other2[1]! - shared[1]!) > 0) return shared;
        continue;
      }
      const at = meeting(a, b, c, d);
      if (at) return at;
    }
  }
  return null;
}

/** The first problem of a hand-drawn polygon (outer ring only: drawing makes no holes), or null. */
export function drawnShapeProblem(polygon: Polygon): DrawnShapeProblem | null {
  const ring = polygon.coordinates[0] ?? [];
  const vertices = distinctVertices(ring);
  if (vertices.length < 3) return { code: 'too_few_vertices', vertices: vertices.length };
  if (vertices.length > MAX_DRAWN_VERTICES) return { code: 'too_many_vertices', vertices: vertices.length };
  const at = selfIntersection(vertices);
  if (at) return { code: 'self_intersection', at };
  const areaM2 = ellipsoidalArea({ type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] });
  if (areaM2 < MIN_DRAWN_AREA_M2) return { code: 'too_small', areaM2 };
  return null;
}

/** The first crossing or touching of two different rings, or null. */
function ringsMeet(a: readonly Position[], b: readonly Position[]): Position | null {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const at = meeting(a[i]!, a[(i + 1) % a.length]!, b[j]!, b[(j + 1) % b.length]!);
      if (at) return at;
    }
  }
  return null;
}

/** Even-odd ray test; the point is not on the ring (ringsMeet has ruled that out). */
function insideRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if ((a[1]! > p[1]!) !== (b[1]! > p[1]!) && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
  }
  return inside;
}

/**
 * The first problem of a polygon reshaped by hand ring by ring (holes included): each ring as a
 * drawn shape, no ring meeting another, every hole inside its shell and outside the other holes.
 * Parts of a MultiPolygon are checked one by one; their overlaps are the write path's (GEOS).
 */
export function drawnAreaProblem(geometry: AreaGeometry): DrawnShapeProblem | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    const vertices = rings.map(distinctVertices);
    for (const ring of rings) {
      const problem = drawnShapeProblem({ type: 'Polygon', coordinates: [ring] });
      if (problem) return problem;
    }
    for (let i = 0; i < vertices.length; i++) {
      for (let j = i + 1; j < vertices.length; j++) {
        const at = ringsMeet(vertices[i]!, vertices[j]!);
        if (at) return { code: 'self_intersection', at };
      }
      if (i > 0) {
        const first = vertices[i]![0]!;
        if (!insideRing(first, vertices[0]!) || vertices.some((other, k) => k > 0 && k !== i && insideRing(first, other))) return { code: 'hole_outside', hole: i };
      }
    }
  }
  return null;
}
