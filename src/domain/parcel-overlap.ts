// A parcel's overlap with the protection buffers: per zone type (each type's buffers unioned),
// with all types together (counted once), and the zones it shares area with.
import type { Geos } from './geos/geos-loader.ts';
import { layerOverlap, type AreaItem, type OverlayCounter } from './layer-overlap.ts';
import { ZONE_TYPES, type ZoneType } from './model.ts';
import { NO_TILE, tileUnder, type TiledLayer } from './tiled-layer.ts';
import { zonesSharingArea, type TypeLayer } from './zone-layers.ts';

export interface TypeOverlap {
  area: number;
  zones: string[];
}

export type ParcelOverlap = Record<ZoneType, TypeOverlap> & { all: number };

export function typeOverlap(geos: Geos, layer: TypeLayer, parcel: AreaItem, counter: OverlayCounter): TypeOverlap {
  // One index search serves both the area and the zones.
  const under = tileUnder(layer.tiles, parcel.bbox);
  if (under === NO_TILE) return { area: 0, zones: [] };
  const area = layerOverlap(geos, layer.tiles, parcel, counter, under);
  return { area, zones: area > 0 ? zonesSharingArea(geos, layer, parcel.geometry, parcel.bbox, under) : [] };
}

/**
 * The overlap with the union of all types. Only a parcel reached by two or more types needs the
 * union layer; with one type it is that type's overlap, with none it is zero.
 */
export function allOverlap(
  geos: Geos, all: TiledLayer, byType: Record<ZoneType, TypeOverlap>, parcel: AreaItem, counter: OverlayCounter,
): number {
  const reached = ZONE_TYPES.filter((t) => byType[t].area > 0);
  if (reached.length === 0) return 0;
  if (reached.length === 1) return byType[reached[0]!].area;
  return layerOverlap(geos, all, parcel, counter);
}

export function parcelOverlap(
  geos: Geos, layers: Record<ZoneType, TypeLayer>, all: TiledLayer, parcel: AreaItem, counter: OverlayCounter,
): ParcelOverlap {
  const byType = Object.fromEntries(ZONE_TYPES.map((t) => [t, typeOverlap(geos, layers[t], parcel, counter)])) as Record<ZoneType, TypeOverlap>;
  return { ...byType, all: allOverlap(geos, all, byType, parcel, counter) };
}
