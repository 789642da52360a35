// Area of one feature inside a tiled layer. A feature inside one quadtree cell meets only that
// cell's small tile, and most are answered by a prepared contains/disjoint test without clipping;
// a feature straddling cells is clipped against the whole layer, cut first to a rectangle just
// outside the feature. Either way the result has exactly the vertices PostGIS's ST_Intersection
// would give, so its geodesic area matches. The cost grows with crossings, not features × zones.
import { INSIDE, NEAR, sideOf } from './edge-index.ts';
import { geosArea } from './geos/geos-area.ts';
import type { Geos } from './geos/geos-loader.ts';
import { takeGeosError } from './geos/geos-loader.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import type { BBox } from './packed-geometry.ts';
import { NO_TILE, tileUnder, type TiledLayer } from './tiled-layer.ts';

/** A validated area feature already in GEOS, with its ellipsoidal area. */
export interface AreaItem {
  geometry: GeosPtr;
  bbox: BBox;
  area: number;
  /** Largest |Δlon| + |Δlat| of an edge, in degrees: how much a split edge can move its area. */
  longestEdge: number;
}

/** Counts GEOS overlay operations, so tests can see which work an update really redid. */
export interface OverlayCounter {
  clips: number;
}

/** GEOS failed on an overlay (a TopologyException); the caller reports the feature. */
export class OverlayError extends Error {}

/** Measures and frees the result of a GEOS overlay. */
export function measureOverlay(geos: Geos, result: GeosPtr, counter: OverlayCounter): number {
  counter.clips++;
  if (!result) throw new OverlayError(takeGeosError() ?? 'GEOS overlay failed');
  const area = geosArea(geos, result);
  geos.GEOSGeom_destroy(result);
  return area;
}

/** Far enough outside the feature (≈ 1 cm) that the rectangle's new vertices never touch it. */
const MARGIN_DEGREES = 1e-7;

function straddlingOverlap(geos: Geos, whole: NonNullable<TiledLayer['whole']>, item: AreaItem, counter: OverlayCounter): number {
  if (geos.GEOSPreparedContains(whole.prepared, item.geometry) === 1) return item.area;
  if (geos.GEOSPreparedIntersects(whole.prepared, item.geometry) !== 1) return 0;
  const [x0, y0, x1, y1] = item.bbox;
  const local = geos.GEOSClipByRect(whole.geometry, x0 - MARGIN_DEGREES, y0 - MARGIN_DEGREES, x1 + MARGIN_DEGREES, y1 + MARGIN_DEGREES);
  if (!local) return measureOverlay(geos, geos.GEOSIntersection(whole.geometry, item.geometry), counter);
  const result = geos.GEOSIntersection(local, item.geometry);
  geos.GEOSGeom_destroy(local);
  // GEOS does not promise a valid rectangle clip; fall back to the whole layer if it was not.
  return measureOverlay(geos, result || geos.GEOSIntersection(whole.geometry, item.geometry), counter);
}

/** `under` is tileUnder(layer, item.bbox), when the caller has it already. */
export function layerOverlap(geos: Geos, layer: TiledLayer, item: AreaItem, counter: OverlayCounter, under = tileUnder(layer, item.bbox)): number {
  if (under === NO_TILE || !layer.whole) return 0;
  const tile = layer.tiles[under];
  if (!tile) return Math.min(item.area, straddlingOverlap(geos, layer.whole, item, counter));
  if (tile.full) return item.area;
  const side = tile.edges ? sideOf(tile.edges, item.bbox) : NEAR;
  if (side !== NEAR) return side === INSIDE ? item.area : 0;
  if (geos.GEOSPreparedIntersects(tile.prepared, item.geometry) !== 1) return 0;
  if (geos.GEOSPreparedContains(tile.prepared, item.geometry) === 1) return item.area;
  return Math.min(item.area, measureOverlay(geos, geos.GEOSIntersection(tile.geometry, item.geometry), counter));
}
