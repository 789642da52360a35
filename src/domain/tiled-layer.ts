// A unioned protection buffer (or any large polygon) cut into small tiles: a quadtree split until
// each tile has at most 256 vertices, every tile prepared for fast contains/intersects tests and
// indexed with flatbush. Parcels then meet only the few small tiles under them, and the parcels
// wholly inside or outside (most of them) are answered without clipping (PERF.md).
import Flatbush from 'flatbush';
import { edgeIndex, type EdgeIndex } from './edge-index.ts';
import type { Geos } from './geos/geos-loader.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import { geosExtent, geosPlanarArea } from './geos/geos-measure.ts';
import type { BBox } from './packed-geometry.ts';

export const MAX_TILE_VERTICES = 256;
const MAX_DEPTH = 16;

export interface Tile {
  geometry: GeosPtr;
  prepared: number;
  /** The quadtree cell; tiles' cells never overlap, so their pieces partition the layer. */
  cell: BBox;
  /** The tile covers its whole cell, so anything inside the cell is inside the layer. */
  full: boolean;
  /** Its outline, to settle features far from it without GEOS. */
  edges: EdgeIndex | null;
}

export interface TiledLayer {
  tiles: Tile[];
  /** Over each tile's own extent (tighter than its cell); null when the layer is empty. */
  index: Flatbush | null;
  /**
   * The whole layer as given, for features that straddle cells: clipping them against tiles would
   * split their edges at cell lines, and an extra vertex on a long lon/lat edge moves its
   * geodesic area (PostGIS, the reference, never adds it).
   */
  whole: { geometry: GeosPtr; prepared: number } | null;
}

/** Rectangle clipping is linear in the vertices, but GEOS does not promise a valid result. */
function clipped(geos: Geos, geometry: GeosPtr, cell: BBox): GeosPtr | null {
  const piece = geos.GEOSClipByRect(geometry, cell[0], cell[1], cell[2], cell[3]);
  if (piece && geos.GEOSisValid(piece) === 1) return piece;
  if (piece) geos.GEOSGeom_destroy(piece);
  const rect = geos.GEOSGeom_createRectangle(cell[0], cell[1], cell[2], cell[3]);
  const exact = geos.GEOSIntersection(geometry, rect);
  geos.GEOSGeom_destroy(rect);
  return exact || null;
}

function cellPiece(geos: Geos, geometry: GeosPtr, cell: BBox): GeosPtr | null {
  const piece = clipped(geos, geometry, cell);
  if (!piece) return null;
  if (geos.GEOSisEmpty(piece) === 1 || geosPlanarArea(geos, piece) === 0) {
    geos.GEOSGeom_destroy(piece);
    return null;
  }
  return piece;
}

function split(geos: Geos, geometry: GeosPtr, cell: BBox, depth: number, tiles: Tile[]): void {
  if (geos.GEOSGetNumCoordinates(geometry) <= MAX_TILE_VERTICES || depth >= MAX_DEPTH) {
    const cellArea = (cell[2] - cell[0]) * (cell[3] - cell[1]);
    const full = Math.abs(geosPlanarArea(geos, geometry) - cellArea) <= cellArea * 1e-12;
    tiles.push({ geometry, prepared: geos.GEOSPrepare(geometry), cell, full, edges: full ? null : edgeIndex(geos, geometry) });
    return;
  }
  const [x0, y0, x1, y1] = cell;
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  const quarters: BBox[] = [[x0, y0, xm, ym], [xm, y0, x1, ym], [x0, ym, xm, y1], [xm, ym, x1, y1]];
  for (const quarter of quarters) {
    const piece = cellPiece(geos, geometry, quarter);
    if (piece) split(geos, piece, quarter, depth + 1, tiles);
  }
  geos.GEOSGeom_destroy(geometry);
}

/** Tiles of `geometry` (not consumed); an empty layer for null. */
export function buildTiledLayer(geos: Geos, geometry: GeosPtr | null): TiledLayer {
  if (!geometry || geos.GEOSisEmpty(geometry) === 1) return { tiles: [], index: null, whole: null };
  const tiles: Tile[] = [];
  split(geos, geos.GEOSGeom_clone(geometry), geosExtent(geos, geometry), 0, tiles);
  const whole = geos.GEOSGeom_clone(geometry);
  if (tiles.length === 0) return { tiles, index: null, whole: { geometry: whole, prepared: geos.GEOSPrepare(whole) } };
  const index = new Flatbush(tiles.length);
  for (const tile of tiles) {
    const [minX, minY, maxX, maxY] = geosExtent(geos, tile.geometry);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return { tiles, index, whole: { geometry: whole, prepared: geos.GEOSPrepare(whole) } };
}

function within(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** No tile meets the bbox: the feature is clear of the layer. */
export const NO_TILE = -2;
/** Tiles meet the bbox but no tile's cell holds it: the feature straddles cells. */
export const STRADDLING = -1;

/**
 * The position of the tile whose cell holds `bbox`, else NO_TILE or STRADDLING; one index search.
 * Tiles' extents lie inside their cells, so a feature inside one cell can only meet that tile.
 */
export function tileUnder(layer: TiledLayer, bbox: BBox): number {
  const index = layer.index;
  // Most parcels are far from most layers: settle them before the search allocates anything.
  if (!index || bbox[0] > index.maxX || bbox[2] < index.minX || bbox[1] > index.maxY || bbox[3] < index.minY) return NO_TILE;
  let found = NO_TILE;
  index.search(bbox[0], bbox[1], bbox[2], bbox[3], (i) => {
    if (found < 0) found = within(bbox, layer.tiles[i]!.cell) ? i : STRADDLING;
    return false;
  });
  return found;
}

export function destroyTiledLayer(geos: Geos, layer: TiledLayer): void {
  for (const tile of layer.tiles) {
    geos.GEOSPreparedGeom_destroy(tile.prepared);
    geos.GEOSGeom_destroy(tile.geometry);
  }
  if (layer.whole) {
    geos.GEOSPreparedGeom_destroy(layer.whole.prepared);
    geos.GEOSGeom_destroy(layer.whole.geometry);
  }
  layer.tiles.length = 0;
  layer.index = null;
  layer.whole = null;
}
