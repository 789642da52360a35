// Treated area outside every parcel, counted once: each treated polygon keeps only what no parcel
// and no earlier treated polygon covers, so an overlap goes to the earliest polygon (and year).
import type Flatbush from 'flatbush';
import { treatedBefore, type ParcelItem, type TreatedItem } from './analysis-items.ts';
import { geosArea } from './geos/geos-area.ts';
import type { Geos } from './geos/geos-loader.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import { takeGeosError } from './geos/geos-loader.ts';
import { OverlayError, type OverlayCounter } from './layer-overlap.ts';
import { searchBBox } from './spatial-index.ts';

export interface OutsideContext {
  parcels: readonly ParcelItem[];
  parcelIndex: Flatbush | null;
  treated: readonly TreatedItem[];
  treatedIndex: Flatbush | null;
}

/** `rest` minus `cover` (rest is consumed), or null when nothing is left. */
function subtract(geos: Geos, rest: GeosPtr, cover: GeosPtr, counter: OverlayCounter): GeosPtr | null {
  counter.clips++;
  const result = geos.GEOSDifference(rest, cover);
  geos.GEOSGeom_destroy(rest);
  if (!result) throw new OverlayError(takeGeosError() ?? 'GEOS difference failed');
  if (geos.GEOSisEmpty(result) === 1) {
    geos.GEOSGeom_destroy(result);
    return null;
  }
  return result;
}

export function treatedOutside(geos: Geos, t: TreatedItem, ctx: OutsideContext, counter: OverlayCounter): number {
  const covers: GeosPtr[] = [];
  for (const i of searchBBox(ctx.parcelIndex, t.bbox)) {
    const p = ctx.parcels[i]!;
    if (geos.GEOSPreparedCoveredBy(t.prepared, p.geometry) === 1) return 0;
    if (geos.GEOSPreparedIntersects(t.prepared, p.geometry) === 1) covers.push(p.geometry);
  }
  for (const i of searchBBox(ctx.treatedIndex, t.bbox)) {
    const u = ctx.treated[i]!;
    if (u !== t && treatedBefore(u, t) && geos.GEOSPreparedIntersects(t.prepared, u.geometry) === 1) covers.push(u.geometry);
  }
  let rest: GeosPtr | null = geos.GEOSGeom_clone(t.geometry);
  for (const cover of covers) {
    if (!rest) return 0;
    rest = subtract(geos, rest, cover, counter);
  }
  if (!rest) return 0;
  const area = geosArea(geos, rest);
  geos.GEOSGeom_destroy(rest);
  return area;
}
