// Treated area of a parcel: parcel ∩ (union of treated polygons), so overlapping treated polygons
// count once; split by year, the part first treated in a year going to that year (the earliest
// when polygons of different years overlap). Computed by taking the treated polygons away from
// the parcel, earliest first (small differences, never a union of big shapes); what each year
// took is the parcel's area less the rest's (see coveredArea for parcels with long edges).
import type Flatbush from 'flatbush';
import { treatedBefore, type TreatedItem } from './analysis-items.ts';
import type { Geos } from './geos/geos-loader.ts';
import { takeGeosError } from './geos/geos-loader.ts';
import { geosArea } from './geos/geos-area.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import { measureOverlay, OverlayError, type AreaItem, type OverlayCounter } from './layer-overlap.ts';
import { searchBBox } from './spatial-index.ts';

export interface TreatedFigures {
  area: number;
  byYear: Record<string, number>;
}

/** The treated polygons that share more than a bbox with `item`, earliest first. */
function treatedUnder(geos: Geos, item: AreaItem, treated: readonly TreatedItem[], index: Flatbush | null): TreatedItem[] {
  return searchBBox(index, item.bbox)
    .map((i) => treated[i]!)
    .filter((t) => geos.GEOSPreparedIntersects(t.prepared, item.geometry) === 1)
    .sort((a, b) => (treatedBefore(a, b) ? -1 : 1));
}

/** `rest` minus `cover` (rest is consumed), or null when nothing is left. */
export function subtract(geos: Geos, rest: GeosPtr, cover: GeosPtr, counter: OverlayCounter): GeosPtr | null {
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

/**
 * Edges up to this span (≈ 50 m) move the geodesic area by under 2 mm² when an overlay splits
 * them, so area(parcel) − area(rest) is as good as measuring the covered part itself.
 */
const SHORT_EDGE_SPAN = 0.0005;

/**
 * The area of the parcel no longer in `rest`. With long edges it is measured on parcel − rest,
 * whose outline is exactly PostGIS's ST_Intersection's: splitting a long lon/lat edge moves its
 * geodesic area.
 */
function coveredArea(geos: Geos, parcel: AreaItem, rest: GeosPtr | null, counter: OverlayCounter): number {
  if (!rest) return parcel.area;
  if (parcel.longestEdge <= SHORT_EDGE_SPAN) return Math.max(0, parcel.area - geosArea(geos, rest));
  return Math.min(parcel.area, measureOverlay(geos, geos.GEOSDifference(parcel.geometry, rest), counter));
}

export function parcelTreated(
  geos: Geos, parcel: AreaItem, treated: readonly TreatedItem[], index: Flatbush | null, counter: OverlayCounter,
): TreatedFigures {
  const under = treatedUnder(geos, parcel, treated, index);
  const first = under[0];
  if (!first) return { area: 0, byYear: {} };
  if (geos.GEOSPreparedCovers(first.prepared, parcel.geometry) === 1) return { area: parcel.area, byYear: { [first.year]: parcel.area } };
  if (under.length === 1) {
    const area = Math.min(parcel.area, measureOverlay(geos, geos.GEOSIntersection(parcel.geometry, first.geometry), counter));
    return { area, byYear: area > 0 ? { [first.year]: area } : {} };
  }
  const byYear: Record<string, number> = {};
  let rest: GeosPtr | null = geos.GEOSGeom_clone(parcel.geometry);
  let covered = 0;
  for (let i = 0; i < under.length && rest; ) {
    const year = under[i]!.year;
    for (; i < under.length && under[i]!.year === year && rest; i++) {
      const t = under[i]!;
      rest = geos.GEOSPreparedCovers(t.prepared, rest) === 1 ? (geos.GEOSGeom_destroy(rest), null) : subtract(geos, rest, t.geometry, counter);
    }
    const now = coveredArea(geos, parcel, rest, counter);
    if (now > covered) byYear[year] = now - covered;
    covered = Math.max(covered, now);
  }
  if (rest) geos.GEOSGeom_destroy(rest);
  return { area: covered, byYear };
}
