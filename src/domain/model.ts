// The programme's data model. Code lists follow ../shared/DOMAIN.md; the string codes are
// stored in files and IndexedDB, so renaming one is a data migration, not a refactor.
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export const MINE_CATEGORIES = ['producing', 'under_construction', 'closed_pit', 'policy_closed', 'abandoned'] as const;
export type MineCategory = (typeof MINE_CATEGORIES)[number];

export const DAMAGE_TYPES = [
  'open_pit', 'waste_dump', 'tailings_pond', 'subsidence', 'industrial_site', 'mine_road', 'other',
] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

export const RESTORATION_DIRECTIONS = ['farmland', 'forest', 'grassland', 'construction', 'natural'] as const;
export type RestorationDirection = (typeof RESTORATION_DIRECTIONS)[number];

export const MEASURES = ['engineering', 'landform', 'vegetation'] as const;
export type Measure = (typeof MEASURES)[number];

export const PARCEL_STATUSES = ['untreated', 'in_progress', 'treated', 'accepted', 'closed', 'rejected'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export const ZONE_TYPES = [
  'nature_reserve', 'water_source', 'scenic_area', 'residential_area', 'traffic_line', 'river_lake',
] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

export type AreaGeometry = Polygon | MultiPolygon;
export type ZoneGeometry = Polygon | MultiPolygon | LineString | MultiLineString;

export interface Mine {
  id: string;
  name: string;
  name_en: string;
  mineral: string;
  township_id: string;
  category: MineCategory;
  /** null when the responsible party is gone (责任主体灭失) and the government treats the mine. */
  responsible_party: string | null;
  /** Representative point [lon, lat], for search and fly-to. */
  location: [number, number];
}

export interface Township {
  id: string;
  name: string;
  name_en: string;
}

export interface ParcelProperties {
  id: string;
  mine_id: string;
  /**
   * The mine's name as an imported file gave it (GEM's `Mine Name`, 核查 矿山名称): what a new
   * programme makes its mines from. mine_id is the programme's mine of that name, or empty.
   */
  mine_name?: string;
  name: string;
  damage_type: DamageType;
  direction: RestorationDirection;
  status: ParcelStatus;
  /** 图斑大类 of the national legacy-mine survey, when known (10, 20, 30, 40). */
  tbdl: string | null;
  /** 图斑小类 of the same survey (11, 12, 21, 22, 31–37, 41–43), when an import carried it. */
  tbxl?: string | null;
  note: string;
  source_attributes?: SourceAttributes;
}

/**
 * Attributes of an imported file that no Fulv field took (核查 fields such as 图斑面积, 核查单位),
 * kept as they were so that an export gives them back.
 */
export type SourceAttributes = Record<string, string | number | boolean | null>;

export interface TreatedProperties {
  id: string;
  /** The parcel the surveyor attributed the work to; the figures use geometry, not this link. */
  parcel_id: string | null;
  mine_id: string | null;
  date: string; // ISO date, yyyy-mm-dd
  measure: Measure;
  direction: RestorationDirection;
  surveyor: string;
  note: string;
  source_attributes?: SourceAttributes;
}

export interface ZoneProperties {
  id: string;
  name: string;
  name_en: string;
  zone_type: ZoneType;
  note: string;
  source_attributes?: SourceAttributes;
}

/**
 * The years a target or a stated total is for: one year, or a period from `year` to `to_year`
 * (inclusive), as plans write them (seed 002: "2022—2023年完成…5.7公顷"). domain/target-span.ts
 * compares and names them.
 */
export interface YearSpan {
  year: number;
  /** Last year of a period (inclusive); absent for a single year. */
  to_year?: number;
}

export interface Target extends YearSpan {
  township_id: string;
  category_group: TargetCategoryGroup;
  target_mu: number;
}

/** Seed 001 sets targets for producing mines and for closed/policy-closed/abandoned mines together. */
export const TARGET_CATEGORY_GROUPS = ['producing', 'closed_and_abandoned'] as const;
export type TargetCategoryGroup = (typeof TARGET_CATEGORY_GROUPS)[number];

export type ParcelFeature = Feature<AreaGeometry, ParcelProperties>;
export type TreatedFeature = Feature<AreaGeometry, TreatedProperties>;
export type ZoneFeature = Feature<ZoneGeometry, ZoneProperties>;

/**
 * A total as the plan states it: for one year, or a period from `year` to `to_year`, and for the
 * whole programme or one township and/or category group. Real plans may disagree with their own
 * rows (seed 001); such totals are shown and flagged (domain/target-consistency.ts), never fixed.
 */
export interface StatedTotal extends YearSpan {
  township_id?: string;
  category_group?: TargetCategoryGroup;
  target_mu: number;
}

export interface TargetTable {
  /** Per-row targets. */
  rows: Target[];
  /** Totals as the plan states them (may disagree with the rows in real plans). */
  stated_totals: StatedTotal[];
  source: string;
}

export interface Programme {
  id: string;
  name: string;
  name_en: string;
  county: string;
  townships: Township[];
  mines: Mine[];
  parcels: FeatureCollection<AreaGeometry, ParcelProperties>;
  treated: FeatureCollection<AreaGeometry, TreatedProperties>;
  zones: FeatureCollection<ZoneGeometry, ZoneProperties>;
  targets: TargetTable;
}
