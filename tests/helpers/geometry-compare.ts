// How far apart two versions of the same geometry are, in metres: rings are paired by nearest
// centroid and their vertices by nearest vertex, so the comparison does not depend on winding
// or on where a writer starts a ring. Equirectangular metres are exact enough at this scale.
import type { Geometry, Position } from 'geojson';

function rings(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Polygon': return g.coordinates;
    case 'MultiPolygon': return g.coordinates.flat();
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    case 'Point': return [[g.coordinates]];
    case 'MultiPoint': return [g.coordinates];
    default: throw new Error(`unsupported ${g.type}`);
  }
}

function metres(a: Position, b: Position): number {
  const lat = ((a[1]! + b[1]!) / 2) * (Math.PI / 180);
  const dx = (a[0]! - b[0]!) * 111_320 * Math.cos(lat);
  const dy = (a[1]! - b[1]!) * 110_574;
  return Math.hypot(dx, dy);
}

function centroid(ring: Position[]): Position {
  const n = ring.length;
  return [ring.reduce((s, p) => s + p[0]!, 0) / n, ring.reduce((s, p) => s + p[1]!, 0) / n];
}

function distinct(ring: Position[]): Position[] {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

/** Largest distance between matched vertices; Infinity when the structure differs. */
export function geometryDistance(a: Geometry, b: Geometry): number {
  const ra = rings(a).map(distinct);
  const rb = rings(b).map(distinct);
  if (ra.length !== rb.length) return Infinity;
  let worst = 0;
  for (const ring of ra) {
    const c = centroid(ring);
    const other = rb.reduce((best, r) => (metres(centroid(r), c) < metres(centroid(best), c) ? r : best));
    if (other.length !== ring.length) return Infinity;
    for (const p of ring) worst = Math.max(worst, Math.min(...other.map((q) => metres(p, q))));
    for (const q of other) worst = Math.max(worst, Math.min(...ring.map((p) => metres(p, q))));
  }
  return worst;
}
