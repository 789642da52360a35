// Parcels and treated polygons as the engine holds them: in GEOS, with bbox, area and the
// attributes their totals are grouped by.
import { readFeatures, toAreaItem, type Report } from './analysis-input.ts';
import { NO_TREATMENT_DATE, UNKNOWN_YEAR, type AnalysisInput, type InputFeature } from './analysis-types.ts';
import { reserveGeosHeap } from './geos/geos-geometry.ts';
import type { Geos } from './geos/geos-loader.ts';
import type { AreaItem } from './layer-overlap.ts';
import type { PackedGeometry } from './packed-geometry.ts';

export interface ParcelItem extends AreaItem {
  id: string;
  mine_id: string | null;
  township: string | null;
  category: string | null;
  packed: PackedGeometry;
}

export interface TreatedItem extends AreaItem {
  id: string;
  /**
   * yyyy-mm-dd, or null when the polygon has no readable date; with the id it orders treated
   * polygons, earliest first and undated last, for year attribution.
   */
  date: string | null;
  /** The date's year, or UNKNOWN_YEAR. */
  year: string;
  prepared: number;
  /**
   * The parcel that covers it, null when none does; set by the engine (left undefined elsewhere,
   * where the treated area tests it in GEOS). Then it adds nothing outside parcels, and the
   * treated area of that parcel needs no overlay for it.
   */
  within?: ParcelItem | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

export function readParcels(geos: Geos, input: Pick<AnalysisInput, 'parcels' | 'mines'>, report: Report): ParcelItem[] {
  const mines = new Map((input.mines ?? []).map((m) => [m.id, m]));
  const parcels: ParcelItem[] = [];
  const reads = readFeatures(input.parcels, 'parcels', 'area', report);
  reserveGeosHeap(geos, reads.reduce((n, r) => n + r.packed.xy.length / 2, 0));
  for (const read of reads) {
    const item = toAreaItem(geos, read, 'parcels', report);
    if (!item) continue;
    const mineId = text(read.properties['mine_id']);
    const mine = mineId === null ? undefined : mines.get(mineId);
    parcels.push({
      geometry: item.geometry,
      bbox: item.bbox,
      area: item.area,
      longestEdge: item.longestEdge,
      packed: item.packed,
      id: read.id,
      mine_id: mineId,
      township: mine?.township_id ?? text(read.properties['township_id']),
      category: mine?.category ?? text(read.properties['category'] ?? read.properties['mine_category']),
    });
  }
  return parcels;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function validDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? m[0] : null;
}

/** What a notice says of a treated polygon without a readable date. */
function undatedReason(value: unknown): string {
  const what = value === undefined || value === null || value === '' ? 'no date' : `date ${JSON.stringify(value)} is not a yyyy-mm-dd date`;
  return `no treatment date: counted, year unknown (${what})`;
}

export function readTreated(geos: Geos, features: readonly InputFeature[], report: Report): TreatedItem[] {
  const treated: TreatedItem[] = [];
  const reads = readFeatures(features, 'treated', 'area', report);
  reserveGeosHeap(geos, reads.reduce((n, r) => n + r.packed.xy.length / 2, 0));
  for (const read of reads) {
    const item = toAreaItem(geos, read, 'treated', report);
    if (!item) continue;
    // Geometry decides treated area; the date only decides the year it is counted in.
    const date = validDate(read.properties['date']);
    if (!date) report.notices.push({ layer: 'treated', id: read.id, code: NO_TREATMENT_DATE, reason: undatedReason(read.properties['date']) });
    treated.push({ ...item, id: read.id, date, year: date ? date.slice(0, 4) : UNKNOWN_YEAR, prepared: geos.GEOSPrepare(item.geometry) });
  }
  return treated;
}

/**
 * Earliest first, undated last (a dated polygon's year wins where they overlap); ties broken by
 * id so that the order never depends on the input's order.
 */
export function treatedBefore(a: TreatedItem, b: TreatedItem): boolean {
  if (a.date !== b.date) return b.date === null || (a.date !== null && a.date < b.date);
  return a.id < b.id;
}

export function destroyItem(geos: Geos, item: AreaItem & { prepared?: number }): void {
  if (item.prepared !== undefined) geos.GEOSPreparedGeom_destroy(item.prepared);
  geos.GEOSGeom_destroy(item.geometry);
}
