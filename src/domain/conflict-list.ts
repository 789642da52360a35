// The planner's list of parcels in conflict with the protection buffers: filtered by zone type,
// township and mine category, sorted by overlap area or share. With a zone type chosen, the
// figures are that type's overlap; otherwise the overlap with all buffers, counted once.
import type { ParcelResult } from './analysis-types.ts';
import type { Mine, MineCategory, ParcelFeature, ZoneType } from './model.ts';
import { ZONE_TYPES } from './model.ts';

export type ConflictSortKey = 'overlap' | 'share';

export interface ConflictQuery {
  zoneType: ZoneType | null;
  townshipId: string | null;
  category: MineCategory | null;
  sortBy: ConflictSortKey;
  descending: boolean;
}

export const DEFAULT_CONFLICT_QUERY: ConflictQuery = { zoneType: null, townshipId: null, category: null, sortBy: 'overlap', descending: true };

export interface ConflictRow {
  parcelId: string;
  parcelName: string;
  mine: Mine | undefined;
  area_m2: number;
  overlap_m2: number;
  /** overlap_m2 / area_m2, 0…1. */
  share: number;
  /** Zone types whose buffers the parcel shares area with. */
  zoneTypes: ZoneType[];
  zoneIds: string[];
}

export interface ConflictSummary {
  rows: ConflictRow[];
  overlap_m2: number;
  area_m2: number;
}

export function conflictList(
  results: readonly ParcelResult[],
  parcels: readonly ParcelFeature[],
  mines: readonly Mine[],
  query: ConflictQuery,
): ConflictSummary {
  const mineById = new Map(mines.map((m) => [m.id, m]));
  const nameById = new Map(parcels.map((p) => [p.properties.id, p.properties.name]));
  const rows: ConflictRow[] = [];
  for (const r of results) {
    const overlap = query.zoneType ? r.protected_overlap_by_type[query.zoneType] : r.protected_overlap_m2;
    if (!(overlap > 0)) continue;
    const mine = r.mine_id === null ? undefined : mineById.get(r.mine_id);
    if (query.townshipId && mine?.township_id !== query.townshipId) continue;
    if (query.category && mine?.category !== query.category) continue;
    rows.push({
      parcelId: r.id,
      parcelName: nameById.get(r.id) ?? r.id,
      mine,
      area_m2: r.area_m2,
      overlap_m2: overlap,
      share: r.area_m2 > 0 ? overlap / r.area_m2 : 0,
      zoneTypes: ZONE_TYPES.filter((t) => r.protected_overlap_by_type[t] > 0),
      zoneIds: r.zones,
    });
  }
  const sign = query.descending ? -1 : 1;
  const key = query.sortBy === 'share' ? (row: ConflictRow) => row.share : (row: ConflictRow) => row.overlap_m2;
  rows.sort((a, b) => sign * (key(a) - key(b)) || a.parcelId.localeCompare(b.parcelId));
  return {
    rows,
    overlap_m2: rows.reduce((sum, row) => sum + row.overlap_m2, 0),
    area_m2: rows.reduce((sum, row) => sum + row.area_m2, 0),
  };
}
