// The map style: a plain background (no network), optional online raster basemap, and the
// programme layers. No symbol layers with text, so no glyph server is ever asked for.
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { DAMAGE_TYPES, PARCEL_STATUSES, ZONE_TYPES } from '../domain/model.ts';
import {
  BACKGROUND_COLOUR, CONFLICT_COLOUR, DAMAGE_COLOURS, GPS_COLOUR, GEM_COLOUR, HIGHLIGHT_COLOUR, IMPORTED_COLOUR, STATUS_COLOURS,
  TREATED_COLOUR, TREATED_OUTLINE, ZONE_COLOURS,
} from './palette.ts';

export type ParcelStyleMode = 'damage_type' | 'status';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

function matchColour(property: string, keys: readonly string[], colours: Record<string, string>): ExpressionSpecification {
  return ['match', ['get', property], ...keys.flatMap((k) => [k, colours[k]!]), '#9e9e9e'] as unknown as ExpressionSpecification;
}

export function parcelFillColour(mode: ParcelStyleMode): ExpressionSpecification {
  return selectableFill(mode === 'status'
    ? matchColour('status', PARCEL_STATUSES, STATUS_COLOURS)
    : matchColour('damage_type', DAMAGE_TYPES, DAMAGE_COLOURS));
}

const zoneColour = matchColour('zone_type', ZONE_TYPES, ZONE_COLOURS);
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

function outlineWidth(base: number): ExpressionSpecification {
  return ['case', selected, base + 2.5, hovered, base + 1.5, base];
}
function outlineColour(base: string | ExpressionSpecification): ExpressionSpecification {
  return ['case', selected, HIGHLIGHT_COLOUR, hovered, '#ffffff', base] as ExpressionSpecification;
}

/**
 * Below this zoom a parcel (typically 1–40 ha) is under about ten pixels across and its fill
 * alone shows it; an outline there would only darken it, yet the outlines of a province's
 * parcels are most of what a frame draws at zoom 11 (two thirds of the triangles at 20,000
 * parcels).
 */
export const OUTLINES_FROM_ZOOM = 12;

/**
 * A selected parcel or treated polygon is filled in the highlight colour, which shows it at every
 * zoom (its outline is not drawn below OUTLINES_FROM_ZOOM). Feature state only, not zoom: a
 * colour that depended on both would double the colour data of every vertex.
 */
function selectableFill(colour: string | ExpressionSpecification): ExpressionSpecification {
  return ['case', selected, HIGHLIGHT_COLOUR, colour] as ExpressionSpecification;
}

function programmeLayers(mode: ParcelStyleMode): LayerSpecification[] {
  return [
    { id: 'buffers-fill', type: 'fill', source: 'buffers', paint: { 'fill-color': zoneColour, 'fill-opacity': 0.12 } },
    // Below zoom 9 a buffer of a kilometre is a few pixels wide and its fill shows it; its dashed
    // outline was then almost half of what an overview of a province draws.
    { id: 'buffers-outline', type: 'line', source: 'buffers', minzoom: 9, paint: { 'line-color': zoneColour, 'line-width': 1.2, 'line-dasharray': [3, 2] } },
    { id: 'zones-fill', type: 'fill', source: 'zones', filter: isPolygon, paint: { 'fill-color': zoneColour, 'fill-opacity': ['case', hovered, 0.45, 0.3] } },
    { id: 'zones-outline', type: 'line', source: 'zones', filter: isPolygon, paint: { 'line-color': outlineColour(zoneColour), 'line-width': outlineWidth(1.5) } },
    { id: 'zones-line', type: 'line', source: 'zones', filter: isLine, paint: { 'line-color': outlineColour(zoneColour), 'line-width': outlineWidth(3) } },
    // Parcels and treated polygons can number tens of thousands: their fills skip antialiasing (the
    // outline layers draw the edges) and their outlines start at OUTLINES_FROM_ZOOM. Together these
    // cut the time a frame takes in a software renderer at 50,000 parcels to about a third
    // (tests/bench/map.bench.ts).
    { id: 'parcels-fill', type: 'fill', source: 'parcels', paint: { 'fill-color': parcelFillColour(mode), 'fill-opacity': ['case', hovered, 0.85, 0.65], 'fill-antialias': false } },
    { id: 'parcels-outline', type: 'line', source: 'parcels', minzoom: OUTLINES_FROM_ZOOM, paint: { 'line-color': outlineColour('#3e2723'), 'line-width': outlineWidth(1) } },
    // Over a review period, work done before the period is faded (`in_period` false).
    { id: 'treated-fill', type: 'fill', source: 'treated', paint: { 'fill-color': selectableFill(TREATED_COLOUR), 'fill-opacity': ['case', selected, 0.8, hovered, 0.7, ['==', ['get', 'in_period'], false], 0.15, 0.45], 'fill-antialias': false } },
    { id: 'treated-outline', type: 'line', source: 'treated', minzoom: OUTLINES_FROM_ZOOM, paint: { 'line-color': outlineColour(TREATED_OUTLINE), 'line-width': outlineWidth(1.2) } },
    { id: 'overlap-fill', type: 'fill', source: 'overlap', paint: { 'fill-color': CONFLICT_COLOUR, 'fill-opacity': 0.55 } },
    { id: 'overlap-outline', type: 'line', source: 'overlap', paint: { 'line-color': CONFLICT_COLOUR, 'line-width': 2.5 } },
    { id: 'gps-accuracy', type: 'fill', source: 'gps', filter: ['==', ['get', 'kind'], 'accuracy'], paint: { 'fill-color': GPS_COLOUR, 'fill-opacity': 0.15 } },
    { id: 'gps-trace', type: 'line', source: 'gps', filter: ['==', ['get', 'kind'], 'trace'], paint: { 'line-color': GPS_COLOUR, 'line-width': 2.5, 'line-dasharray': [2, 1] } },
    { id: 'gps-trace-vertex', type: 'circle', source: 'gps', filter: ['==', ['get', 'kind'], 'vertex'], paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': GPS_COLOUR, 'circle-stroke-width': 2 } },
    { id: 'gps-position', type: 'circle', source: 'gps', filter: ['==', ['get', 'kind'], 'position'], paint: { 'circle-color': GPS_COLOUR, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } },
    { id: 'gem-fill', type: 'fill', source: 'gem', filter: isPolygon, paint: { 'fill-color': GEM_COLOUR, 'fill-opacity': ['case', hovered, 0.35, 0.15] } },
    { id: 'gem-outline', type: 'line', source: 'gem', filter: isPolygon, paint: { 'line-color': outlineColour(GEM_COLOUR), 'line-width': outlineWidth(1.5) } },
    { id: 'gem-point', type: 'circle', source: 'gem', filter: isPoint, paint: { 'circle-color': GEM_COLOUR, 'circle-radius': ['case', hovered, 7, 5], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
    { id: 'imported-fill', type: 'fill', source: 'imported', filter: isPolygon, paint: { 'fill-color': IMPORTED_COLOUR, 'fill-opacity': ['case', hovered, 0.45, 0.25] } },
    { id: 'imported-outline', type: 'line', source: 'imported', filter: isPolygon, paint: { 'line-color': outlineColour(IMPORTED_COLOUR), 'line-width': outlineWidth(1.5) } },
    { id: 'imported-line', type: 'line', source: 'imported', filter: isLine, paint: { 'line-color': outlineColour(IMPORTED_COLOUR), 'line-width': outlineWidth(2.5) } },
    { id: 'imported-point', type: 'circle', source: 'imported', filter: isPoint, paint: { 'circle-color': IMPORTED_COLOUR, 'circle-radius': ['case', hovered, 7, 5], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
  ];
}

export const PROGRAMME_SOURCES = ['parcels', 'treated', 'zones', 'buffers', 'overlap', 'gps', 'gem', 'imported'] as const;
export type ProgrammeSource = (typeof PROGRAMME_SOURCES)[number];

export function programmeStyle(mode: ParcelStyleMode): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const id of PROGRAMME_SOURCES) {
    // promoteId lets hover/selection use the stable string ids of the data model. A 16 px tile
    // buffer (default 128) still covers the widest line and circle drawn, and at 50,000 parcels
    // cut a software-rendered frame by a fifth or more: less geometry repeated across tile edges.
    sources[id] = { type: 'geojson', data: EMPTY as unknown as GeoJSON.FeatureCollection, promoteId: 'id', buffer: 16 };
  }
  return {
    version: 8,
    // Nothing here fades from one value to another; without this every style change (a layer
    // shown or hidden) would keep the map drawing frames for 300 ms.
    transition: { duration: 0, delay: 0 },
    sources,
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } }, ...programmeLayers(mode)],
  };
}
