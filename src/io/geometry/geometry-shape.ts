// Is a parsed GeoJSON geometry well formed enough to reproject? Positions must be arrays of at
// least two finite numbers, nested as deep as the type says. The domain's validateGeometry does
// the finer checks (closed rings, vertex counts, lon/lat range) once the geometry is in lon/lat.
import type { Geometry } from 'geojson';
import type { ImportProblemCode } from '../import-types.ts';

export interface ShapeProblem {
  code: ImportProblemCode;
  reason: string;
}

const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

class Malformed extends Error {
  constructor(readonly problem: ShapeProblem) {
    super(problem.reason);
  }
}

function walk(value: unknown, depth: number, path: string): void {
  if (!Array.isArray(value)) throw new Malformed({ code: 'malformed', reason: `${path || 'coordinates'} is not an array` });
  if (depth === 0) {
    if (value.length < 2) throw new Malformed({ code: 'malformed', reason: `position ${path || ''} has fewer than two numbers`.trim() });
    if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new Malformed({ code: 'non_numeric', reason: `non-numeric coordinate ${JSON.stringify(value)} at ${path || 'the point'}` });
    }
    return;
  }
  value.forEach((v, i) => walk(v, depth - 1, `${path}[${i}]`));
}

export function geometryShapeProblem(geometry: unknown): ShapeProblem | null {
  if (geometry === null || geometry === undefined) return { code: 'empty', reason: 'null geometry' };
  const type = (geometry as { type?: unknown }).type;
  if (type === 'GeometryCollection') return { code: 'unsupported_geometry', reason: 'a GeometryCollection; split it into features of one type each' };
  if (typeof type !== 'string' || !(type in DEPTH)) return { code: 'wrong_type', reason: `unknown geometry type ${JSON.stringify(type ?? null)}` };
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  try {
    walk(coordinates, DEPTH[type]!, '');
  } catch (error) {
    if (error instanceof Malformed) return error.problem;
    throw error;
  }
  if (type !== 'Point' && (coordinates as unknown[]).length === 0) return { code: 'empty', reason: `empty ${type}` };
  return null;
}

export function asGeometry(geometry: unknown): Geometry {
  return geometry as Geometry;
}
