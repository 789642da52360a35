// Treated area of a parcel: area(parcel ∩ union of the treated polygons under it), one overlay,
// so overlapping treated polygons count once and the result is measured as PostGIS's
// ST_Area(geography(ST_Intersection(parcel, ST_Union(treated)))) would measure it. Split by year,
// the part first treated in a year goes to that year (the earliest where polygons of different
// years overlap; undated polygons come last, under UNKNOWN_YEAR): where years differ, each year's
// share is area(parcel ∩ union of the polygons up to that year) less that up to the year before.
import type Flatbush from 'flatbush';
import { treatedBefore, type TreatedItem } from './analysis-items.ts';
import type { Geos } from './geos/geos-loader.ts';
import { takeGeosError } from './geos/geos-loader.ts';
import { geosArea } from './geos/geos-area.ts';
import { createCollection, GEOS_TYPE, type GeosPtr } from './geos/geos-geometry.ts';
import { measureOverlay, OverlayError, type AreaItem, type OverlayCounter } from './layer-overlap.ts';
import { searchBBox } from './spatial-index.ts';

export interface TreatedFigures {
  area: number;
  byYear: Record<string, number>;
}

/**
 * What a year adds to an area already covered by earlier years, or null when it adds only overlay
 * noise: a later polygon inside earlier ones leaves slivers of a few parts in a billion whose size
 * depends on the order GEOS meets the polygons in, and must not make a year appear or vanish with
 * the input's order. Below a ten-millionth of the area, well inside the figures' millionth.
 */
export function yearGain(now: number, before: number): number | null {
  const gain = now - before;
  return gain > Math.max(now, before) * 1e-7 ? gain : null;
}

/** The treated polygons that share more than a bbox with `item`, earliest first. */
function treatedUnder(geos: Geos, item: AreaItem, treated: readonly TreatedItem[], index: Flatbush | null): TreatedItem[] {
  return searchBBox(index, item.bbox)
    .map((i) => treated[i]!)
    .filter((t) => t.within === item || geos.GEOSPreparedIntersects(t.prepared, item.geometry) === 1)
    .sort((a, b) => (treatedBefore(a, b) ? -1 : 1));
}

/** Is `t` inside the parcel? Known when the engine recorded the parcel covering it. */
function lies(geos: Geos, t: TreatedItem, parcel: AreaItem): boolean {
  if (t.within !== undefined) return t.within === parcel;
  return geos.GEOSPreparedCoveredBy(t.prepared, parcel.geometry) === 1;
}

/** Consecutive runs of one year, in the order given. */
export function byYearRuns(under: readonly TreatedItem[]): TreatedItem[][] {
  const runs: TreatedItem[][] = [];
  for (const t of under) {
    const run = runs[runs.length - 1];
    if (run && run[0]!.year === t.year) run.push(t);
    else runs.push([t]);
  }
  return runs;
}

/** The union of `prefix` (consumed) and the run's polygons (left as they are); a new geometry. */
function unionWith(geos: Geos, prefix: GeosPtr | null, run: readonly TreatedItem[], counter: OverlayCounter): GeosPtr {
  const parts = run.map((t) => geos.GEOSGeom_clone(t.geometry));
  if (prefix) parts.push(prefix);
  if (parts.length === 1) return parts[0]!;
  counter.clips++;
  const collection = createCollection(geos, GEOS_TYPE.collection, parts);
  const union = geos.GEOSUnaryUnion(collection);
  geos.GEOSGeom_destroy(collection);
  if (!union) throw new OverlayError(takeGeosError() ?? 'GEOS union failed');
  return union;
}

/** Area of parcel ∩ cover, or the parcel's own when one of `run` covers it whole. */
function coveredArea(geos: Geos, parcel: AreaItem, cover: GeosPtr, run: readonly TreatedItem[], counter: OverlayCounter): number {
  if (run.some((t) => geos.GEOSPreparedCovers(t.prepared, parcel.geometry) === 1)) return parcel.area;
  return measureOverlay(geos, geos.GEOSIntersection(parcel.geometry, cover), counter);
}

export function parcelTreated(
  geos: Geos, parcel: AreaItem, treated: readonly TreatedItem[], index: Flatbush | null, counter: OverlayCounter,
): TreatedFigures {
  const byYear: Record<string, number> = {};
  const under = treatedUnder(geos, parcel, treated, index);
  // One polygon inside the parcel (the usual case): its own area, measured when it was read.
  if (under.length === 1 && lies(geos, under[0]!, parcel)) {
    const only = under[0]!;
    if (only.area > 0) byYear[only.year] = only.area;
    return { area: only.area, byYear };
  }
  let area = 0;
  let prefix: GeosPtr | null = null;
  // While every polygon so far lies in the parcel, parcel ∩ union is the union: no overlay needed.
  let inside = true;
  try {
    for (const run of byYearRuns(under)) {
      // The union consumes the previous prefix: if it throws, `finally` must not free it again.
      const previous = prefix;
      prefix = null;
      prefix = unionWith(geos, previous, run, counter);
      inside &&= run.every((t) => lies(geos, t, parcel));
      const now = inside ? geosArea(geos, prefix) : coveredArea(geos, parcel, prefix, run, counter);
      const gain = yearGain(now, area);
      if (gain !== null) byYear[run[0]!.year] = gain;
      area = now;
      if (area === parcel.area) break;
    }
  } finally {
    if (prefix) geos.GEOSGeom_destroy(prefix);
  }
  return { area, byYear };
}
