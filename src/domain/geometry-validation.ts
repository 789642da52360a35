// Structural checks of a GeoJSON geometry before anything measures or clips it. Broken input is
// data: each problem comes back as a reason naming where it is, never as an exception, so one
// bad feature is reported and left out while the rest of the run goes on. Topology (self-
// intersection, holes outside shells) needs GEOS and is checked in geos/geos-validity.ts.
import { packedBBox, type PackedGeometry } from './packed-geometry.ts';

export const GEOMETRY_PROBLEMS = [
  'empty', 'wrong_type', 'malformed', 'non_numeric', 'out_of_range', 'unclosed_ring', 'too_few_vertices',
  'self_intersection', 'invalid_topology',
] as const;
export type GeometryProblem = (typeof GEOMETRY_PROBLEMS)[number];

export type GeometryCheck =
  | { valid: true; packed: PackedGeometry; notices: string[] }
  | { valid: false; code: GeometryProblem; reason: string };

/** Which geometry types a use accepts: parcels and treated polygons are areas; zones may be lines. */
export type GeometryUse = 'area' | 'zone';

const ACCEPTED: Record<GeometryUse, readonly string[]> = {
  area: ['Polygon', 'MultiPolygon'],
  zone: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
};

class Problem {
  constructor(
    readonly code: GeometryProblem,
    readonly reason: string,
  ) {}
}

/** Grows by doubling and is reused between calls, so validation allocates once per geometry. */
let scratch = new Float64Array(1 << 16);

/**
 * Packed coordinates are views into shared 8 MB blocks rather than one ArrayBuffer each: every
 * backing store counts as external memory, whose growth makes V8 schedule full collections, and
 * with 50k parcels' GeoJSON on the heap each costs ~0.3 s (reading 50k parcels: −30%).
 */
const ARENA_DOUBLES = 1 << 20;
let arena = new Float64Array(ARENA_DOUBLES);
let arenaUsed = 0;

function arenaCopy(source: Float64Array): Float64Array {
  if (source.length > ARENA_DOUBLES / 4) return source.slice();
  if (arenaUsed + source.length > arena.length) {
    arena = new Float64Array(ARENA_DOUBLES);
    arenaUsed = 0;
  }
  const view = arena.subarray(arenaUsed, arenaUsed + source.length);
  view.set(source);
  arenaUsed += source.length;
  return view;
}

/** Collects validated coordinates straight into the packed layout, without Position arrays. */
class Packer {
  length = 0;
  readonly ringEnds: number[] = [];
  readonly parts: number[] = [];
  constructor(
    readonly kind: PackedGeometry['kind'],
    readonly notices: string[],
  ) {}

  push(x: number, y: number): void {
    if (this.length + 2 > scratch.length) {
      const grown = new Float64Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[this.length++] = x;
    scratch[this.length++] = y;
  }

  /** Is (x, y) the last vertex pushed since `start`? */
  repeats(start: number, x: number, y: number): boolean {
    return this.length > start && scratch[this.length - 2] === x && scratch[this.length - 1] === y;
  }

  at(i: number): number {
    return scratch[i]!;
  }

  finish(): PackedGeometry {
    const xy = arenaCopy(scratch.subarray(0, this.length));
    return { kind: this.kind, xy, ringEnds: new Uint32Array(this.ringEnds), parts: new Uint32Array(this.parts), bbox: packedBBox(xy) };
  }
}

function readPosition(p: unknown, where: string, i: number): void {
  if (!Array.isArray(p) || p.length < 2) throw new Problem('malformed', `${where} vertex ${i} is not a [lon, lat] position`);
  const x: unknown = p[0];
  const y: unknown = p[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Problem('non_numeric', `non-numeric coordinate ${JSON.stringify([x, y])} at ${where} vertex ${i}`);
  }
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    throw new Problem('out_of_range', `coordinate (${x}, ${y}) at ${where} vertex ${i} is outside lon/lat range; projected metres in a lon/lat file?`);
  }
}

/**
 * Reads a path, dropping consecutive repeated vertices: zero-length edges are valid by the OGC
 * rules (GEOS agrees), even though Turf's kinks calls them self-intersections.
 */
function readPath(path: unknown, where: string, closed: boolean, out: Packer): void {
  if (!Array.isArray(path)) throw new Problem('malformed', `${where} is not an array of positions`);
  const start = out.length;
  let repeats = 0;
  for (let i = 0; i < path.length; i++) {
    const p = path[i] as number[];
    readPosition(p, where, i);
    if (out.repeats(start, p[0]!, p[1]!)) repeats++;
    else out.push(p[0]!, p[1]!);
  }
  const distinct = (out.length - start) / 2;
  if (closed) {
    if (distinct > 1 && (out.at(start) !== out.at(out.length - 2) || out.at(start + 1) !== out.at(out.length - 1))) {
      throw new Problem('unclosed_ring', `${where} is not closed (first and last vertex differ)`);
    }
    if (distinct < 4) {
      throw new Problem('too_few_vertices', `${where} has ${Math.max(0, distinct - 1)} distinct vertices; a ring needs at least 3`);
    }
  } else if (distinct < 2) {
    throw new Problem('too_few_vertices', `${where} has ${distinct} distinct vertices; a line needs at least 2`);
  }
  if (repeats > 0) out.notices.push(`${where}: dropped ${repeats} repeated consecutive ${repeats > 1 ? 'vertices' : 'vertex'}`);
  out.ringEnds.push(out.length / 2);
}

function readList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Problem('malformed', `${what} coordinates are not an array`);
  if (value.length === 0) throw new Problem('empty', `empty ${what}`);
  return value;
}

function readPolygons(type: string, coordinates: unknown, notices: string[]): PackedGeometry {
  const polygons = type === 'Polygon' ? [readList(coordinates, type)] : readList(coordinates, type);
  const out = new Packer('polygon', notices);
  polygons.forEach((polygon, k) => {
    const rings = readList(polygon, `polygon ${k}`);
    rings.forEach((ring, r) => {
      readPath(ring, `${type === 'Polygon' ? '' : `polygon ${k} `}${r === 0 ? 'outer ring' : `hole ${r}`}`, true, out);
    });
    out.parts.push(rings.length);
  });
  return out.finish();
}

function readLines(type: string, coordinates: unknown, notices: string[]): PackedGeometry {
  const paths = type === 'LineString' ? [coordinates] : readList(coordinates, type);
  const out = new Packer('line', notices);
  paths.forEach((path, k) => {
    readPath(path, paths.length > 1 ? `line ${k}` : 'line', false, out);
    out.parts.push(1);
  });
  return out.finish();
}

export function validateGeometry(geometry: unknown, use: GeometryUse): GeometryCheck {
  const notices: string[] = [];
  try {
    if (geometry === null || geometry === undefined) throw new Problem('empty', 'null geometry');
    const type = (geometry as { type?: unknown }).type;
    const accepted = ACCEPTED[use];
    if (typeof type !== 'string' || !accepted.includes(type)) {
      throw new Problem('wrong_type', `wrong geometry type ${String(type)}; expected ${accepted.join(' or ')}`);
    }
    const coordinates = (geometry as { coordinates?: unknown }).coordinates;
    const packed = type.endsWith('Polygon') ? readPolygons(type, coordinates, notices) : readLines(type, coordinates, notices);
    return { valid: true, packed, notices };
  } catch (error) {
    if (error instanceof Problem) return { valid: false, code: error.code, reason: error.reason };
    throw error;
  }
}
