// One parcel's figures as reported: areas in all three units, overlaps, treated area and rate.
import type { ParcelItem } from './analysis-items.ts';
import type { ByZoneType, ParcelResult } from './analysis-types.ts';
import { ZONE_TYPES } from './model.ts';
import type { ParcelOverlap } from './parcel-overlap.ts';
import type { TreatedFigures } from './treated-area.ts';
import { m2ToHa, m2ToMu } from './units.ts';

export interface ParcelFigures {
  overlap: ParcelOverlap;
  treated: TreatedFigures;
}

export function parcelResult(parcel: ParcelItem, figures: ParcelFigures): ParcelResult {
  const byType = Object.fromEntries(ZONE_TYPES.map((t) => [t, figures.overlap[t].area])) as ByZoneType;
  const zones = [...new Set(ZONE_TYPES.flatMap((t) => figures.overlap[t].zones))].sort();
  return {
    id: parcel.id,
    mine_id: parcel.mine_id,
    area_m2: parcel.area,
    area_mu: m2ToMu(parcel.area),
    area_ha: m2ToHa(parcel.area),
    protected_overlap_m2: figures.overlap.all,
    protected_overlap_by_type: byType,
    treated_m2: figures.treated.area,
    treatment_rate: parcel.area > 0 ? figures.treated.area / parcel.area : 0,
    treated_by_year: figures.treated.byYear,
    zones,
  };
}
