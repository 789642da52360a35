// The protection layer of one zone type: each zone's buffer (kept to name the zones a parcel
// touches) and their union cut into tiles (to measure overlaps without double counting).
// Rebuilt on its own when the planner changes that type's distance.
import Flatbush from 'flatbush';
import type { Geos } from './geos/geos-loader.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import { geosExtent } from './geos/geos-measure.ts';
import type { ZoneType } from './model.ts';
import type { BBox, PackedGeometry } from './packed-geometry.ts';
import { unionOf, zoneBuffer } from './protection-buffers.ts';
import { buildTiledLayer, destroyTiledLayer, type TiledLayer } from './tiled-layer.ts';

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
}

export interface TypeLayer {
  type: ZoneType;
  metres: number;
  buffers: ZoneBuffer[];
  bufferIndex: Flatbush | null;
  union: GeosPtr | null;
  tiles: TiledLayer;
}

export function buildTypeLayer(geos: Geos, type: ZoneType, zones: readonly ZoneItem[], metres: number): TypeLayer {
  const buffers: ZoneBuffer[] = [];
  for (const zone of zones) {
    if (zone.type !== type) continue;
    const geometry = zoneBuffer(geos, zone.packed, metres);
    if (geometry) buffers.push({ zoneId: zone.id, geometry, prepared: geos.GEOSPrepare(geometry), bbox: geosExtent(geos, geometry) });
  }
  let bufferIndex: Flatbush | null = null;
  if (buffers.length > 0) {
    bufferIndex = new Flatbush(buffers.length);
    for (const b of buffers) bufferIndex.add(...b.bbox);
    bufferIndex.finish();
  }
  const union = unionOf(geos, buffers.map((b) => b.geometry));
  return { type, metres, buffers, bufferIndex, union, tiles: buildTiledLayer(geos, union) };
}

export function destroyTypeLayer(geos: Geos, layer: TypeLayer): void {
  for (const b of layer.buffers) {
    geos.GEOSPreparedGeom_destroy(b.prepared);
    geos.GEOSGeom_destroy(b.geometry);
  }
  if (layer.union) geos.GEOSGeom_destroy(layer.union);
  destroyTiledLayer(geos, layer.tiles);
}

/** Ids of the zones whose buffer shares area with the feature (touching along an edge is not enough). */
export function zonesTouched(geos: Geos, layer: TypeLayer, geometry: GeosPtr, bbox: readonly number[]): string[] {
  if (!layer.bufferIndex) return [];
  const ids = new Set<string>();
  for (const i of layer.bufferIndex.search(bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!)) {
    const b = layer.buffers[i]!;
    if (geos.GEOSPreparedIntersects(b.prepared, geometry) === 1 && geos.GEOSPreparedTouches(b.prepared, geometry) !== 1) {
      ids.add(b.zoneId);
    }
  }
  return [...ids];
}

/** The union of every type's buffers, tiled; for the overlap with all protection zones at once. */
export function buildAllLayer(geos: Geos, layers: readonly TypeLayer[]): TiledLayer {
  const union = unionOf(geos, layers.flatMap((l) => (l.union ? [l.union] : [])));
  const tiles = buildTiledLayer(geos, union);
  if (union) geos.GEOSGeom_destroy(union);
  return tiles;
}
