// Colours for the programme layers. Zone types must stay distinguishable from each other and
// from the damage-type and status ramps, which share the parcel fill.
import type { DamageType, ParcelStatus, ZoneType } from '../domain/model.ts';

export const DAMAGE_COLOURS: Record<DamageType, string> = {
  open_pit: '#d35400',
  waste_dump: '#8d6e63',
  tailings_pond: '#607d8b',
  subsidence: '#8e44ad',
  industrial_site: '#c2185b',
  mine_road: '#b7950b',
  other: '#9e9e9e',
};

export const STATUS_COLOURS: Record<ParcelStatus, string> = {
  untreated: '#c62828',
  in_progress: '#f9a825',
  treated: '#43a047',
  accepted: '#1b5e20',
  closed: '#00695c',
  rejected: '#ad1457',
};

export const ZONE_COLOURS: Record<ZoneType, string> = {
  nature_reserve: '#2e7d32',
  water_source: '#1565c0',
  scenic_area: '#6a1b9a',
  residential_area: '#ef6c00',
  traffic_line: '#37474f',
  river_lake: '#0288d1',
};

export const TREATED_COLOUR = '#00c853';
export const TREATED_OUTLINE = '#00701a';
export const HIGHLIGHT_COLOUR = '#ffeb3b';
export const BACKGROUND_COLOUR = '#eef1ea';
export const GEM_COLOUR = '#212121';
export const IMPORTED_COLOUR = '#e91e63';
/** A selected parcel's area inside the protection buffers: the planner's conflict, in alarm red. */
export const CONFLICT_COLOUR = '#d50000';
/** The device's position and its accuracy, as phones' map apps show it. */
export const GPS_COLOUR = '#1a73e8';
