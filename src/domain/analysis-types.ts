// The shapes that go into and come out of the analysis engine (and the CLI's JSON).
import type { BufferDistances } from './buffer-presets.ts';
import type { Mine, ZoneType } from './model.ts';

/** A GeoJSON feature as read from a file: nothing about it is trusted yet. */
export interface InputFeature {
  type?: unknown;
  id?: unknown;
  /** Any object: typed feature properties (ParcelProperties…) fit as well as parsed JSON. */
  properties?: object | null;
  geometry?: unknown;
}

export type InputLayer = 'parcels' | 'zones' | 'treated';

export interface AnalysisInput {
  parcels: readonly InputFeature[];
  zones: readonly InputFeature[];
  treated?: readonly InputFeature[];
  distances: BufferDistances;
  /** Where township and category of a parcel's mine come from; else the parcel's own properties. */
  mines?: readonly Mine[];
}

export interface Progress {
  phase: 'validating' | 'buffering' | 'overlaps' | 'treated';
  done: number;
  total: number;
}

/** A feature left out of the figures, and why. */
export interface Issue {
  layer: InputLayer;
  id: string;
  code: string;
  reason: string;
}

/** Something changed on the way in (repeated vertices dropped…); the feature is still used. */
export interface Notice {
  layer: InputLayer;
  id: string;
  /** Set where a reader counts or acts on notices of one kind (NO_TREATMENT_DATE). */
  code?: string;
  reason: string;
}

/**
 * A treated polygon without a readable date: geometry decides treated area, the date only the
 * year, so it is counted, in the by-year bucket UNKNOWN_YEAR.
 */
export const NO_TREATMENT_DATE = 'no_treatment_date';

/** The by-year key of treated area whose polygon has no readable date; sorts after every year. */
export const UNKNOWN_YEAR = 'unknown';

export type ByZoneType = Record<ZoneType, number>;

export interface ParcelResult {
  id: string;
  mine_id: string | null;
  area_m2: number;
  area_mu: number;
  area_ha: number;
  /** Inside the union of every zone type's buffers, counted once. */
  protected_overlap_m2: number;
  protected_overlap_by_type: ByZoneType;
  treated_m2: number;
  treatment_rate: number;
  /**
   * Treated area by year of the treated polygon's date, overlaps given to the earliest year; area
   * only undated polygons cover is under UNKNOWN_YEAR.
   */
  treated_by_year: Record<string, number>;
  /** Ids of the zones whose buffers share area with the parcel, sorted. */
  zones: string[];
}

/** A parcel's treated figures alone, for another set of treated polygons (Analysis.treatedWith). */
export type ParcelTreated = Pick<ParcelResult, 'id' | 'treated_m2' | 'treated_by_year'>;

export interface GroupTotals {
  parcels: number;
  area_m2: number;
  area_mu: number;
  protected_overlap_m2: number;
  treated_m2: number;
  treatment_rate: number;
}

export interface YearTotals {
  treated_m2: number;
  treated_outside_parcels_m2: number;
}

export interface Totals extends GroupTotals {
  area_ha: number;
  protected_overlap_by_type: ByZoneType;
  /** Treated polygons' area outside every parcel, counted once. */
  treated_outside_parcels_m2: number;
  /** Treated polygons counted without a readable date (their area is under by_year[UNKNOWN_YEAR]). */
  treated_without_date: number;
  by_mine: Record<string, GroupTotals>;
  by_township: Record<string, GroupTotals>;
  by_category: Record<string, GroupTotals>;
  by_year: Record<string, YearTotals>;
}

export interface AnalysisResults {
  parcels: ParcelResult[];
  totals: Totals;
  issues: Issue[];
  notices: Notice[];
  distances: BufferDistances;
}
