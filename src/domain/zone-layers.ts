// The protection layer of one zone type: each zone's buffer (kept to name the zones a parcel
// touches) and their union cut into tiles (to measure overlaps without double counting).
// Rebuilt on its own when the planner changes that type's distance.
import Flatbush from 'flatbush';
import type { Geos } from './geos/geos-loader.ts';
import { edgeIndex, INSIDE, NEAR, sideOf, type EdgeIndex } from './edge-index.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import { geosExtent } from './geos/geos-measure.ts';
import type { ZoneType } from './model.ts';
import type { BBox, PackedGeometry } from './packed-geometry.ts';
import { unionOf, zoneBuffer } from './protection-buffers.ts';
import { buildTiledLayer, destroyTiledLayer, tileUnder, type TiledLayer } from './tiled-layer.ts';

export interface ZoneItem {
  id: string;
  type: ZoneType;
  packed: PackedGeometry;
}

interface ZoneBuffer {
  zoneId: string;
  geometry: GeosPtr;
  prepared: number;
  bbox: BBox;
  edges: EdgeIndex | null;
}

export interface TypeLayer {
  type: ZoneType;
  metres: number;
  buffers: ZoneBuffer[];
  bufferIndex: Flatbush | null;
  union: GeosPtr | null;
  tiles: TiledLayer;
  /** Per tile of `tiles`, the buffers that meet it: where only one does, the tile's area is its. */
  tileBuffers: ZoneBuffer[][];
}

export function buildTypeLayer(geos: Geos, type: ZoneType, zones: readonly ZoneItem[], metres: number): TypeLayer {
  const buffers: ZoneBuffer[] = [];
  for (const zone of zones) {
    if (zone.type !== type) continue;
    const geometry = zoneBuffer(geos, zone.packed, metres);
    if (geometry) buffers.push({ zoneId: zone.id, geometry, prepared: geos.GEOSPrepare(geometry), bbox: geosExtent(geos, geometry), edges: edgeIndex(geos, geometry) });
  }
  let bufferIndex: Flatbush | null = null;
  if (buffers.length > 0) {
    bufferIndex = new Flatbush(buffers.length);
    for (const b of buffers) bufferIndex.add(...b.bbox);
    bufferIndex.finish();
  }
  const union = unionOf(geos, buffers.map((b) => b.geometry));
  const tiles = buildTiledLayer(geos, union);
  const tileBuffers = tiles.tiles.map((tile) => {
    const near = bufferIndex ? bufferIndex.search(...geosExtent(geos, tile.geometry)) : [];
    return near.map((i) => buffers[i]!).filter((b) => geos.GEOSPreparedIntersects(b.prepared, tile.geometry) === 1);
  });
  return { type, metres, buffers, bufferIndex, union, tiles, tileBuffers };
}

export function destroyTypeLayer(geos: Geos, layer: TypeLayer): void {
  for (const b of layer.buffers) {
    geos.GEOSPreparedGeom_destroy(b.prepared);
    geos.GEOSGeom_destroy(b.geometry);
  }
  if (layer.union) geos.GEOSGeom_destroy(layer.union);
  destroyTiledLayer(geos, layer.tiles);
}

function boxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Ids of the zones whose buffer shares area with a feature that shares area with the layer
 * (touching along an edge is not enough). Where one buffer alone can be under the feature (the
 * only one meeting the tile of its cell, or near its bbox) the shared area must be its, with no
 * test. A buffer whose outline is nowhere near the feature holds it wholly or misses it; only the
 * buffers whose outline passes near it are tested in GEOS: one counts when it contains the
 * feature or does more than touch it. `under` is tileUnder(layer.tiles, bbox), if known.
 */
export function zonesSharingArea(geos: Geos, layer: TypeLayer, geometry: GeosPtr, bbox: BBox, under = tileUnder(layer.tiles, bbox)): string[] {
  if (!layer.bufferIndex) return [];
  const tile = Math.max(-1, under);
  const candidates = tile >= 0 ? layer.tileBuffers[tile]! : layer.bufferIndex.search(...bbox).map((i) => layer.buffers[i]!);
  // A tile is met by every buffer crossing its cell; most of them miss a small feature's bbox.
  const near = candidates.length === 1 ? candidates : candidates.filter((b) => boxesMeet(b.bbox, bbox));
  if (near.length === 1) return [near[0]!.zoneId];
  const holding: ZoneBuffer[] = [];
  const crossing: ZoneBuffer[] = [];
  for (const b of near) {
    const side = b.edges ? sideOf(b.edges, bbox) : NEAR;
    if (side === INSIDE) holding.push(b);
    else if (side === NEAR) crossing.push(b);
  }
  const met = crossing.filter((b) => geos.GEOSPreparedIntersects(b.prepared, geometry) === 1);
  const sharing = holding.length === 0 && met.length === 1
    ? met
    : [...holding, ...met.filter((b) => geos.GEOSPreparedContains(b.prepared, geometry) === 1 || geos.GEOSPreparedTouches(b.prepared, geometry) !== 1)];
  return [...new Set(sharing.map((b) => b.zoneId))];
}

/** The union of every type's buffers, tiled; for the overlap with all protection zones at once. */
export function buildAllLayer(geos: Geos, layers: readonly TypeLayer[]): TiledLayer {
  const union = unionOf(geos, layers.flatMap((l) => (l.union ? [l.union] : [])));
  const tiles = buildTiledLayer(geos, union);
  if (union) geos.GEOSGeom_destroy(union);
  return tiles;
}
