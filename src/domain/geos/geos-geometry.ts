// Moving coordinates between packed arrays and GEOS: one heap copy per ring through a reusable
// scratch buffer, instead of geos-wasm's helpers that flatten and allocate per call.
import type { Geos } from './geos-loader.ts';
import { packedBBox, type PackedGeometry } from '../packed-geometry.ts';

export type GeosPtr = number;

export const GEOS_TYPE = {
  point: 0, lineString: 1, linearRing: 2, polygon: 3, multiPoint: 4, multiLineString: 5, multiPolygon: 6, collection: 7,
} as const;

const scratch = new WeakMap<Geos, { ptr: number; doubles: number }>();

/** A heap block of at least `doubles` float64 slots, reused between calls; returns its byte address. */
function scratchDoubles(geos: Geos, doubles: number): number {
  let block = scratch.get(geos);
  if (!block || block.doubles < doubles) {
    if (block) geos.Module._free(block.ptr);
    const size = Math.max(doubles, 2 * (block?.doubles ?? 1024));
    block = { ptr: geos.Module._malloc(size * 8), doubles: size };
    scratch.set(geos, block);
  }
  return block.ptr;
}

/** A GEOS coordinate sequence holding xy[2·start … 2·end). */
function coordSeq(geos: Geos, xy: Float64Array, start: number, end: number): number {
  const ptr = scratchDoubles(geos, 2 * (end - start));
  geos.Module.HEAPF64.set(xy.subarray(2 * start, 2 * end), ptr / 8);
  return geos.GEOSCoordSeq_copyFromBuffer(ptr, end - start, 0, 0);
}

function pointerArray(geos: Geos, pointers: readonly number[]): number {
  const ptr = geos.Module._malloc(Math.max(1, pointers.length) * 4);
  geos.Module.HEAPU32.set(pointers, ptr / 4);
  return ptr;
}

function createPolygon(geos: Geos, shell: GeosPtr, holes: readonly GeosPtr[]): GeosPtr {
  const holesPtr = pointerArray(geos, holes);
  const polygon = geos.GEOSGeom_createPolygon(shell, holesPtr, holes.length);
  geos.Module._free(holesPtr);
  return polygon;
}

/** Takes ownership of the parts; a single part is returned as itself, not as a collection. */
export function createCollection(geos: Geos, type: number, parts: readonly GeosPtr[]): GeosPtr {
  if (parts.length === 1 && (type === GEOS_TYPE.multiPolygon || type === GEOS_TYPE.multiLineString)) return parts[0]!;
  const ptr = pointerArray(geos, parts);
  const collection = geos.GEOSGeom_createCollection(type, ptr, parts.length);
  geos.Module._free(ptr);
  return collection;
}

/** A new GEOS geometry from packed lon/lat (or projected) coordinates; caller destroys it. */
export function packedToGeos(geos: Geos, packed: PackedGeometry): GeosPtr {
  const parts: GeosPtr[] = [];
  let ring = 0;
  let start = 0;
  const nextSeq = (): number => {
    const end = packed.ringEnds[ring++]!;
    const seq = coordSeq(geos, packed.xy, start, end);
    start = end;
    return seq;
  };
  for (const count of packed.parts) {
    if (packed.kind === 'line') {
      parts.push(geos.GEOSGeom_createLineString(nextSeq()));
      continue;
    }
    const shell = geos.GEOSGeom_createLinearRing(nextSeq());
    const holes: GeosPtr[] = [];
    for (let k = 1; k < count; k++) holes.push(geos.GEOSGeom_createLinearRing(nextSeq()));
    parts.push(createPolygon(geos, shell, holes));
  }
  return createCollection(geos, packed.kind === 'line' ? GEOS_TYPE.multiLineString : GEOS_TYPE.multiPolygon, parts);
}

/**
 * Calls `visit` with each ring of every polygon in a GEOS geometry (collections walked), with a
 * view of its closed coordinates on the GEOS heap, valid only during the call.
 */
export function forEachRing(
  geos: Geos, geometry: GeosPtr, visit: (xy: Float64Array, vertices: number, isHole: boolean, polygonIndex: number) => void,
): void {
  let polygonIndex = 0;
  const visitRing = (ring: GeosPtr, isHole: boolean): void => {
    const n = geos.GEOSGeomGetNumPoints(ring);
    if (n <= 0) return;
    const ptr = scratchDoubles(geos, 2 * n);
    geos.GEOSCoordSeq_copyToBuffer(geos.GEOSGeom_getCoordSeq(ring), ptr, 0, 0);
    visit(geos.Module.HEAPF64.subarray(ptr / 8, ptr / 8 + 2 * n), n, isHole, polygonIndex);
  };
  const walk = (g: GeosPtr): void => {
    const type = geos.GEOSGeomTypeId(g);
    if (type === GEOS_TYPE.polygon) {
      visitRing(geos.GEOSGetExteriorRing(g), false);
      const holes = geos.GEOSGetNumInteriorRings(g);
      for (let i = 0; i < holes; i++) visitRing(geos.GEOSGetInteriorRingN(g, i), true);
      polygonIndex++;
    } else if (type === GEOS_TYPE.multiPolygon || type === GEOS_TYPE.collection) {
      const n = geos.GEOSGetNumGeometries(g);
      for (let i = 0; i < n; i++) walk(geos.GEOSGetGeometryN(g, i));
    }
  };
  walk(geometry);
}

/** The polygonal parts of a GEOS geometry, copied out of the GEOS heap; null when it has none. */
export function geosToPacked(geos: Geos, geometry: GeosPtr): PackedGeometry | null {
  const rings: Float64Array[] = [];
  const parts: number[] = [];
  forEachRing(geos, geometry, (xy, _n, _isHole, polygonIndex) => {
    if (parts.length === polygonIndex) parts.push(0);
    parts[polygonIndex]!++;
    rings.push(xy.slice());
  });
  if (rings.length === 0) return null;
  const xy = new Float64Array(rings.reduce((n, r) => n + r.length, 0));
  const ringEnds = new Uint32Array(rings.length);
  let offset = 0;
  rings.forEach((ring, i) => {
    xy.set(ring, offset);
    offset += ring.length;
    ringEnds[i] = offset / 2;
  });
  return { kind: 'polygon', xy, ringEnds, parts: Uint32Array.from(parts), bbox: packedBBox(xy) };
}

/** GEOS heap per vertex of a polygon it holds, measured: coordinates, rings, envelopes, headroom. */
const HEAP_BYTES_PER_VERTEX = 40;

/**
 * Grows the GEOS heap once, ahead of converting `vertices` coordinates. Left to grow step by
 * step, every WebAssembly memory growth makes V8 run a full garbage collection, and with a
 * large programme's GeoJSON on the heap a dozen of those cost seconds.
 */
export function reserveGeosHeap(geos: Geos, vertices: number): void {
  const ptr = geos.Module._malloc(vertices * HEAP_BYTES_PER_VERTEX);
  if (ptr) geos.Module._free(ptr);
}
