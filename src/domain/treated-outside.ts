// Treated area outside every parcel, counted once, one cluster of treated polygons at a time:
// the union of the cluster's polygons less the parcels they meet, as PostGIS's
// ST_Area(geography(ST_Difference(ST_Union(treated), ST_Union(parcels)))) measures it. A point
// outside the parcels goes to the year of the earliest polygon over it: each year's share is the
// area outside parcels of the polygons up to that year less that up to the year before, as in
// treated-area.ts. A polygon inside one parcel adds nothing outside and is left out of the
// clusters altogether. Each year's polygons are cut by their parcels one by one (small, shrinking
// geometries) rather than by a union of the parcels, which cost more (generated 10k programme:
// 0.8 s of CPU against 1.0–1.2 s).
import type Flatbush from 'flatbush';
import { treatedBefore, type ParcelItem, type TreatedItem } from './analysis-items.ts';
import { geosArea } from './geos/geos-area.ts';
import { createCollection, GEOS_TYPE, type GeosPtr } from './geos/geos-geometry.ts';
import type { Geos } from './geos/geos-loader.ts';
import { takeGeosError } from './geos/geos-loader.ts';
import { OverlayError, type OverlayCounter } from './layer-overlap.ts';
import type { BBox } from './packed-geometry.ts';
import { searchBBox } from './spatial-index.ts';
import { byYearRuns, yearGain } from './treated-area.ts';

export interface OutsideContext {
  parcels: readonly ParcelItem[];
  parcelIndex: Flatbush | null;
}

/** One year's treated area outside every parcel, from one cluster. */
export interface OutsideShare {
  year: string;
  area: number;
}

function boxWithin(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** The first parcel (in index order) that covers `t`, or null. */
export function coveringParcel(geos: Geos, t: TreatedItem, ctx: OutsideContext): ParcelItem | null {
  for (const i of searchBBox(ctx.parcelIndex, t.bbox)) {
    const parcel = ctx.parcels[i]!;
    if (boxWithin(t.bbox, parcel.bbox) && geos.GEOSPreparedCoveredBy(t.prepared, parcel.geometry) === 1) return parcel;
  }
  return null;
}

/** The parcels that meet the cluster, in index order so that an edit and a fresh run cut alike. */
function parcelsMeeting(geos: Geos, cluster: readonly TreatedItem[], ctx: OutsideContext): ParcelItem[] {
  const near = new Set<number>();
  for (const t of cluster) {
    for (const i of searchBBox(ctx.parcelIndex, t.bbox)) {
      if (!near.has(i) && geos.GEOSPreparedIntersects(t.prepared, ctx.parcels[i]!.geometry) === 1) near.add(i);
    }
  }
  return [...near].sort((a, b) => a - b).map((i) => ctx.parcels[i]!);
}

function clusterUnion(geos: Geos, members: readonly TreatedItem[], counter: OverlayCounter): GeosPtr {
  const parts = members.map((t) => geos.GEOSGeom_clone(t.geometry));
  if (parts.length === 1) return parts[0]!;
  counter.clips++;
  const collection = createCollection(geos, GEOS_TYPE.collection, parts);
  const union = geos.GEOSUnaryUnion(collection);
  geos.GEOSGeom_destroy(collection);
  if (!union) throw new OverlayError(takeGeosError() ?? 'GEOS union failed');
  return union;
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

/** The union of two outside parts (both consumed). */
function joined(geos: Geos, a: GeosPtr, b: GeosPtr, counter: OverlayCounter): GeosPtr {
  counter.clips++;
  const union = geos.GEOSUnion(a, b);
  geos.GEOSGeom_destroy(a);
  geos.GEOSGeom_destroy(b);
  if (!union) throw new OverlayError(takeGeosError() ?? 'GEOS union failed');
  return union;
}

export function clusterOutside(geos: Geos, cluster: readonly TreatedItem[], ctx: OutsideContext, counter: OverlayCounter): OutsideShare[] {
  const members = [...cluster].sort((a, b) => (treatedBefore(a, b) ? -1 : 1));
  const shares: OutsideShare[] = [];
  // Outside parts up to the current year: union of the years' own parts, each cut by its parcels.
  let outside: GeosPtr | null = null;
  let area = 0;
  try {
    for (const run of byYearRuns(members)) {
      let piece: GeosPtr | null = clusterUnion(geos, run, counter);
      for (const parcel of parcelsMeeting(geos, run, ctx)) {
        piece = subtract(geos, piece, parcel.geometry, counter);
        if (!piece) break;
      }
      if (!piece) continue;
      outside = outside ? joined(geos, outside, piece, counter) : piece;
      const now = geosArea(geos, outside);
      const gain = yearGain(now, area);
      if (gain !== null) shares.push({ year: run[0]!.year, area: gain });
      area = now;
    }
    return shares;
  } finally {
    if (outside) geos.GEOSGeom_destroy(outside);
  }
}
