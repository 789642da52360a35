// Everything a programme holds, in one value: what a programme archive (GeoPackage) carries, what a
// new programme is created from, and what the server publishes and serves. Photos travel apart.
import type { BufferDistances } from './buffer-presets.ts';
import type { Programme } from './model.ts';
import type { ParcelReview } from './review.ts';

/** The administrative level of the area a programme covers. */
export const PROGRAMME_AREA_LEVELS = ['county', 'city', 'province'] as const;
export type ProgrammeAreaLevel = (typeof PROGRAMME_AREA_LEVELS)[number];

export interface ProgrammeContent {
  /** Header, townships, mines, parcels, zones, live treated polygons and the targets in force. */
  programme: Programme;
  areaLevel: ProgrammeAreaLevel;
  bufferDistances: BufferDistances;
  /** Acceptance records, one per reviewed parcel. */
  reviews: ParcelReview[];
}
