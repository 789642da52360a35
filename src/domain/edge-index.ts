// The edges of a polygon (a zone's buffer, a tile of a layer) indexed by their bboxes, to answer
// "is this feature wholly inside, wholly outside, or near the outline?" in JavaScript. A feature
// whose bbox meets no edge's bbox cannot cross the outline, so one ray cast from a corner of its
// bbox settles it; only features near the outline go on to GEOS's exact predicates. Crossing
// GEOS's WebAssembly boundary for each of those tests cost more than the test itself.
import Flatbush from 'flatbush';
import { forEachRing, type GeosPtr } from './geos/geos-geometry.ts';
import type { Geos } from './geos/geos-loader.ts';
import type { BBox } from './packed-geometry.ts';

export interface EdgeIndex {
  index: Flatbush;
  /** Edge k runs from (xy[4k], xy[4k+1]) to (xy[4k+2], xy[4k+3]). */
  xy: Float64Array;
}

export const INSIDE = 1;
export const OUTSIDE = -1;
export const NEAR = 0;
export type Side = typeof INSIDE | typeof OUTSIDE | typeof NEAR;

/** The edges of every ring of the polygons of `geometry`; null when it has none. */
export function edgeIndex(geos: Geos, geometry: GeosPtr): EdgeIndex | null {
  const rings: Float64Array[] = [];
  let edges = 0;
  forEachRing(geos, geometry, (xy, n) => {
    rings.push(xy.slice(0, 2 * n));
    edges += n - 1;
  });
  if (edges === 0) return null;
  const xy = new Float64Array(4 * edges);
  const index = new Flatbush(edges);
  let k = 0;
  for (const ring of rings) {
    for (let i = 2; i < ring.length; i += 2) {
      const x1 = ring[i - 2]!;
      const y1 = ring[i - 1]!;
      const x2 = ring[i]!;
      const y2 = ring[i + 1]!;
      xy[4 * k] = x1;
      xy[4 * k + 1] = y1;
      xy[4 * k + 2] = x2;
      xy[4 * k + 3] = y2;
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      k++;
    }
  }
  index.finish();
  return { index, xy };
}

/** Closer than this (degrees) to a crossing, the ray cast is not trusted and GEOS decides. */
const RAY_GUARD = 1e-9;

// The ray cast's state lives here rather than in a closure: sideOf runs for most parcel × layer
// pairs, and a closure (and its array) per call was a large share of the analysis's allocations.
let rayXy: Float64Array = new Float64Array(0);
let rayU = 0;
let rayV = 0;
let rayA = 0;
let rayB = 1;
let rayForward = false;
let rayInside = false;
let rayUnsure = false;

function countCrossing(k: number): boolean {
  const av = rayXy[4 * k + rayB]!;
  const bv = rayXy[4 * k + 2 + rayB]!;
  if (av > rayV === bv > rayV) return false;
  const au = rayXy[4 * k + rayA]!;
  const bu = rayXy[4 * k + 2 + rayA]!;
  const u = au + ((rayV - av) * (bu - au)) / (bv - av);
  if (Math.abs(u - rayU) <= RAY_GUARD) rayUnsure = true;
  else if (u > rayU === rayForward) rayInside = !rayInside;
  return false;
}

/**
 * Where a feature with this bbox lies: INSIDE or OUTSIDE the polygon when its bbox meets no edge
 * (so the feature cannot cross the outline), else NEAR. The even-odd rule on all rings counts
 * holes and several parts as GEOS does for a valid polygon. The ray leaves the bbox's corner
 * towards the nearest side of the polygon's extent, meeting the fewest edges.
 */
export function sideOf(edges: EdgeIndex, bbox: BBox): Side {
  const { index, xy } = edges;
  const x0 = bbox[0];
  const y0 = bbox[1];
  if (index.collides(x0, y0, bbox[2], bbox[3])) return NEAR;
  const toWest = x0 - index.minX;
  const toEast = index.maxX - x0;
  const toSouth = y0 - index.minY;
  const toNorth = index.maxY - y0;
  const shortest = Math.min(toWest, toEast, toSouth, toNorth);
  if (shortest < 0) return OUTSIDE;
  // Along x (east or west) the crossings are of edges straddling y0, else of edges straddling x0.
  const alongX = shortest === toWest || shortest === toEast;
  rayForward = shortest === toEast || shortest === toNorth;
  rayXy = xy;
  rayU = alongX ? x0 : y0;
  rayV = alongX ? y0 : x0;
  rayA = alongX ? 0 : 1;
  rayB = alongX ? 1 : 0;
  rayInside = false;
  rayUnsure = false;
  if (alongX) index.search(rayForward ? x0 : index.minX, y0, rayForward ? index.maxX : x0, y0, countCrossing);
  else index.search(x0, rayForward ? y0 : index.minY, x0, rayForward ? index.maxY : y0, countCrossing);
  if (rayUnsure) return NEAR;
  return rayInside ? INSIDE : OUTSIDE;
}
