// Colours for the programme layers, chosen from schemes made for colour-blind readers so that no
// two entries of a legend are confused, in normal vision or with protan, deutan or tritan vision
// (tests/unit/map/palette.test.ts measures it). Each theme has its own scheme:
// - damage types: Okabe & Ito, "Color Universal Design" (2008), its bluish green and black left
//   out (too near the treated polygons and the labels), grey for "other";
// - statuses: a ramp from Paul Tol's diverging "sunset" scheme (untreated red, in progress orange,
//   then ever darker blues as the work is treated, accepted and closed), "rejected" in the wine of
//   his "muted" scheme;
// - zone types (and their buffers): Paul Tol's "muted" qualitative scheme, roads dark grey.
// Paul Tol, "Colour schemes", SRON/EPS/TN/09-002 (personal.sron.nl/~pault).
import type { DamageType, ParcelStatus, ZoneType } from '../domain/model.ts';

export const DAMAGE_COLOURS: Record<DamageType, string> = {
  open_pit: '#d55e00', // vermillion
  waste_dump: '#e69f00', // orange
  tailings_pond: '#56b4e9', // sky blue
  subsidence: '#cc79a7', // reddish purple
  industrial_site: '#0072b2', // blue
  mine_road: '#f0e442', // yellow
  other: '#bbbbbb',
};

export const STATUS_COLOURS: Record<ParcelStatus, string> = {
  untreated: '#a50026',
  in_progress: '#fdb366',
  treated: '#c2e4ef',
  accepted: '#6ea6cd',
  closed: '#364b9a',
  rejected: '#882255',
};

export const ZONE_COLOURS: Record<ZoneType, string> = {
  nature_reserve: '#117733', // green
  water_source: '#332288', // indigo
  scenic_area: '#aa4499', // purple
  residential_area: '#cc6677', // rose
  traffic_line: '#444444',
  river_lake: '#44aa99', // teal
};

/**
 * A sage green, the one green told apart from every damage type, status and zone type above by
 * each of the four kinds of vision (found by search; a brighter green meets a zone or a status).
 */
export const TREATED_COLOUR = '#77aa66';
export const TREATED_OUTLINE = '#2e5226';
/** Snapping and vertex handles while drawing. */
export const HIGHLIGHT_COLOUR = '#ffeb3b';
/**
 * The selected feature's halo: a dark line inside a wide white one, which stands out on every fill
 * and basemap without changing the feature's own colour.
 */
export const SELECTION_HALO = '#ffffff';
export const SELECTION_LINE = '#1a1a1a';
export const BACKGROUND_COLOUR = '#eef1ea';
export const GEM_COLOUR = '#212121';
export const IMPORTED_COLOUR = '#e91e63';
/** A selected parcel's area inside the protection buffers: the planner's conflict, hatched in red. */
export const CONFLICT_COLOUR = '#d50000';
/** The device's position and its accuracy, as phones' map apps show it. */
export const GPS_COLOUR = '#1a73e8';
/** Township borders and names, village points: context, quieter than anything of the programme. */
export const CONTEXT_COLOUR = '#5f5a6b';
/** Label text and the halo that keeps it legible over fills. */
export const LABEL_COLOUR = '#1f1f1f';
export const LABEL_HALO = '#ffffff';
/**
 * A sync conflict's two versions of one polygon: Paul Tol's "vibrant" blue (mine, solid outline)
 * and orange (theirs, dashed), a pair every kind of colour vision tells apart, told apart by the
 * dash too.
 */
export const SYNC_MINE_COLOUR = '#0077bb';
export const SYNC_THEIRS_COLOUR = '#ee7733';
