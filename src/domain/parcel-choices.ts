// The parcels a treated polygon's form offers: every parcel of a county programme, but only those
// near the polygon in a province-scale one (a surveyor attributes work to a parcel where it was
// done), plus the one already chosen. A list of 50,000 options took seconds to render.
import type { Geometry } from 'geojson';
import type { ParcelFeature } from './model.ts';
import { parcelFinder } from './parcel-finder.ts';

/** Programmes up to this many parcels list them all. */
export const ALL_PARCELS_UP_TO = 1000;
/** How far from the polygon's bbox a parcel may lie to be offered in a larger programme. */
export const NEARBY_M = 5000;

export interface ParcelChoices {
  parcels: ParcelFeature[];
  /** True when only nearby parcels are offered. */
  limited: boolean;
}

export function parcelChoices(geometry: Geometry, parcels: readonly ParcelFeature[], chosenId: string | null): ParcelChoices {
  if (parcels.length <= ALL_PARCELS_UP_TO) return { parcels: [...parcels], limited: false };
  const near = parcelFinder(parcels).nearGeometry(geometry, NEARBY_M);
  if (chosenId !== null && !near.some((p) => p.properties.id === chosenId)) {
    const chosen = parcels.find((p) => p.properties.id === chosenId);
    if (chosen) near.unshift(chosen);
  }
  return { parcels: near, limited: true };
}
