// Validated geometry packed into typed arrays: cheap to hand to GEOS (one heap copy per ring),
// to measure, and to post to a Worker as transferables. See ../../shared/PERF.md: moving
// GeoJSON objects costs as much as the analysis itself.
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

/**
 * Polygons: every ring closed (first vertex repeated last). Lines: open paths.
 * `parts[k]` is the number of rings of polygon k (shell first, then holes); for lines every part
 * has one path.
 */
export interface PackedGeometry {
  kind: 'polygon' | 'line';
  /**
   * x0, y0, x1, y1, … (lon, lat degrees) of all rings or paths in order. Often a view into a
   * block shared with other geometries: slice it before transferring its buffer to a Worker.
   */
  xy: Float64Array;
  /** Exclusive vertex index at which each ring or path ends. */
  ringEnds: Uint32Array;
  parts: Uint32Array;
  bbox: BBox;
}

export function packedBBox(xy: Float64Array): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Largest |Δlon| + |Δlat| of any edge, in degrees. */
export function longestEdge(packed: PackedGeometry): number {
  let longest = 0;
  let start = 0;
  for (const end of packed.ringEnds) {
    for (let i = start + 1; i < end; i++) {
      const span = Math.abs(packed.xy[2 * i]! - packed.xy[2 * i - 2]!) + Math.abs(packed.xy[2 * i + 1]! - packed.xy[2 * i - 1]!);
      if (span > longest) longest = span;
    }
    start = end;
  }
  return longest;
}

function ringPositions(packed: PackedGeometry, ring: number): Position[] {
  const start = ring === 0 ? 0 : packed.ringEnds[ring - 1]!;
  const out: Position[] = [];
  for (let i = start; i < packed.ringEnds[ring]!; i++) out.push([packed.xy[2 * i]!, packed.xy[2 * i + 1]!]);
  return out;
}

/** Back to GeoJSON, for display and export of cleaned geometry. */
export function unpackGeometry(packed: PackedGeometry): Polygon | MultiPolygon | LineString | MultiLineString {
  let ring = 0;
  const groups = Array.from(packed.parts, (count) => {
    const group: Position[][] = [];
    for (let k = 0; k < count; k++) group.push(ringPositions(packed, ring++));
    return group;
  });
  if (packed.kind === 'line') {
    const paths = groups.map((g) => g[0]!);
    return paths.length === 1 ? { type: 'LineString', coordinates: paths[0]! } : { type: 'MultiLineString', coordinates: paths };
  }
  return groups.length === 1 ? { type: 'Polygon', coordinates: groups[0]! } : { type: 'MultiPolygon', coordinates: groups };
}
