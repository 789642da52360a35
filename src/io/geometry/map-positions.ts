// Applies a function to every position of a geometry (reprojection, rounding), returning a copy
// with two coordinates per position: Fulv is 2D, and Z or M values are dropped on the way in.
import type { Geometry, Position } from 'geojson';

export type PositionMap = (x: number, y: number) => [number, number];

export function mapPositions<G extends Geometry>(geometry: G, f: PositionMap): G {
  const one = (p: Position): Position => f(p[0]!, p[1]!);
  const many = (ps: Position[]): Position[] => ps.map(one);
  switch (geometry.type) {
    case 'Point': return { ...geometry, coordinates: one(geometry.coordinates) };
    case 'MultiPoint': case 'LineString': return { ...geometry, coordinates: many(geometry.coordinates) };
    case 'MultiLineString': case 'Polygon': return { ...geometry, coordinates: geometry.coordinates.map(many) };
    case 'MultiPolygon': return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(many)) };
    case 'GeometryCollection': return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, f)) };
  }
}

/** Calls f for every position; stops early when f returns true. Returns whether it stopped. */
export function somePosition(geometry: Geometry | null, f: (x: number, y: number) => boolean): boolean {
  if (!geometry) return false;
  const any = (ps: Position[]): boolean => ps.some((p) => f(p[0]!, p[1]!));
  switch (geometry.type) {
    case 'Point': return f(geometry.coordinates[0]!, geometry.coordinates[1]!);
    case 'MultiPoint': case 'LineString': return any(geometry.coordinates);
    case 'MultiLineString': case 'Polygon': return geometry.coordinates.some(any);
    case 'MultiPolygon': return geometry.coordinates.some((p) => p.some(any));
    case 'GeometryCollection': return geometry.geometries.some((g) => somePosition(g, f));
  }
}

export function countPositions(geometry: Geometry | null): number {
  let n = 0;
  somePosition(geometry, () => {
    n++;
    return false;
  });
  return n;
}
