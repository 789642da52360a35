// The map style: a plain background (no network), optional online raster basemap, the programme
// layers, the selection's halo and the labels. The style has no `glyphs` URL: labels are drawn
// from local fonts (label-layers.ts), so no glyph server is ever asked for.
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { DAMAGE_TYPES, PARCEL_STATUSES, ZONE_TYPES } from '../domain/model.ts';
import { CONFLICT_HATCH } from './conflict-hatch.ts';
import { labelLayers, type LabelLanguage } from './label-layers.ts';
import {
  BACKGROUND_COLOUR, CONFLICT_COLOUR, CONTEXT_COLOUR, DAMAGE_COLOURS, GPS_COLOUR, GEM_COLOUR, IMPORTED_COLOUR, SELECTION_HALO,
  SELECTION_LINE, STATUS_COLOURS, TREATED_COLOUR, TREATED_OUTLINE, ZONE_COLOURS,
} from './palette.ts';

export type ParcelStyleMode = 'damage_type' | 'status';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

function matchColour(property: string, keys: readonly string[], colours: Record<string, string>): ExpressionSpecification {
  return ['match', ['get', property], ...keys.flatMap((k) => [k, colours[k]!]), '#9e9e9e'] as unknown as ExpressionSpecification;
}

export function parcelFillColour(mode: ParcelStyleMode): ExpressionSpecification {
  return mode === 'status'
    ? matchColour('status', PARCEL_STATUSES, STATUS_COLOURS)
    : matchColour('damage_type', DAMAGE_TYPES, DAMAGE_COLOURS);
}

const zoneColour = matchColour('zone_type', ZONE_TYPES, ZONE_COLOURS);
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

function outlineWidth(base: number): ExpressionSpecification {
  return ['case', hovered, base + 1.5, base];
}
function outlineColour(base: string | ExpressionSpecification): ExpressionSpecification {
  return ['case', hovered, '#ffffff', base] as ExpressionSpecification;
}

/**
 * Below this zoom a parcel (typically 1–40 ha) is under about ten pixels across and its fill
 * alone shows it; an outline there would only darken it, yet the outlines of a province's
 * parcels are most of what a frame draws at zoom 11 (two thirds of the triangles at 20,000
 * parcels).
 */
export const OUTLINES_FROM_ZOOM = 12;

/** Treated polygons over their parcels: their sage green reads over every parcel colour. */
export const TREATED_OPACITY = 0.6;

/**
 * The selected feature, whatever its layer, is copied into a source of its own and drawn with a
 * halo (a dark line inside a wide white one) at every zoom: it never changes the colour of a fill,
 * and it shows where outlines are not drawn. A source of one feature rather than a filter on the
 * big layers, which would make MapLibre re-parse every tile of tens of thousands of parcels.
 */
function selectionLayers(): LayerSpecification[] {
  const notPoint: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
  return [
    { id: 'selection-halo', type: 'line', source: 'selection', filter: notPoint, layout: { 'line-join': 'round' }, paint: { 'line-color': SELECTION_HALO, 'line-width': 7, 'line-opacity': 0.9 } },
    { id: 'selection-line', type: 'line', source: 'selection', filter: notPoint, layout: { 'line-join': 'round' }, paint: { 'line-color': SELECTION_LINE, 'line-width': 2.5 } },
    { id: 'selection-point', type: 'circle', source: 'selection', filter: isPoint, paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 10, 'circle-stroke-color': SELECTION_LINE, 'circle-stroke-width': 2.5 } },
  ];
}

/** The device's position on top of everything, names included, as phones' map apps draw it. */
function gpsLayers(): LayerSpecification[] {
  return [
    { id: 'gps-accuracy', type: 'fill', source: 'gps', filter: ['==', ['get', 'kind'], 'accuracy'], paint: { 'fill-color': GPS_COLOUR, 'fill-opacity': 0.15 } },
    { id: 'gps-trace', type: 'line', source: 'gps', filter: ['==', ['get', 'kind'], 'trace'], paint: { 'line-color': GPS_COLOUR, 'line-width': 2.5, 'line-dasharray': [2, 1] } },
    { id: 'gps-trace-vertex', type: 'circle', source: 'gps', filter: ['==', ['get', 'kind'], 'vertex'], paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': GPS_COLOUR, 'circle-stroke-width': 2 } },
    { id: 'gps-position', type: 'circle', source: 'gps', filter: ['==', ['get', 'kind'], 'position'], paint: { 'circle-color': GPS_COLOUR, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } },
  ];
}

function programmeLayers(mode: ParcelStyleMode): LayerSpecification[] {
  return [
    // Township borders under everything of the programme: they only say where one ends.
    { id: 'context-township-line', type: 'line', source: 'context', filter: ['==', ['get', 'kind'], 'township'], paint: { 'line-color': CONTEXT_COLOUR, 'line-width': 1.2, 'line-dasharray': [4, 2, 1, 2], 'line-opacity': 0.7 } },
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
    { id: 'treated-fill', type: 'fill', source: 'treated', paint: { 'fill-color': TREATED_COLOUR, 'fill-opacity': ['case', hovered, 0.8, ['==', ['get', 'in_period'], false], 0.2, TREATED_OPACITY], 'fill-antialias': false } },
    { id: 'treated-outline', type: 'line', source: 'treated', minzoom: OUTLINES_FROM_ZOOM, paint: { 'line-color': outlineColour(TREATED_OUTLINE), 'line-width': outlineWidth(1.2) } },
    { id: 'overlap-fill', type: 'fill', source: 'overlap', paint: { 'fill-pattern': CONFLICT_HATCH } },
    { id: 'overlap-outline', type: 'line', source: 'overlap', paint: { 'line-color': CONFLICT_COLOUR, 'line-width': 2.5 } },
    { id: 'gem-fill', type: 'fill', source: 'gem', filter: isPolygon, paint: { 'fill-color': GEM_COLOUR, 'fill-opacity': ['case', hovered, 0.35, 0.15] } },
    { id: 'gem-outline', type: 'line', source: 'gem', filter: isPolygon, paint: { 'line-color': outlineColour(GEM_COLOUR), 'line-width': outlineWidth(1.5) } },
    { id: 'gem-point', type: 'circle', source: 'gem', filter: isPoint, paint: { 'circle-color': GEM_COLOUR, 'circle-radius': ['case', hovered, 7, 5], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
    { id: 'imported-fill', type: 'fill', source: 'imported', filter: isPolygon, paint: { 'fill-color': IMPORTED_COLOUR, 'fill-opacity': ['case', hovered, 0.45, 0.25] } },
    { id: 'imported-outline', type: 'line', source: 'imported', filter: isPolygon, paint: { 'line-color': outlineColour(IMPORTED_COLOUR), 'line-width': outlineWidth(1.5) } },
    { id: 'imported-line', type: 'line', source: 'imported', filter: isLine, paint: { 'line-color': outlineColour(IMPORTED_COLOUR), 'line-width': outlineWidth(2.5) } },
    { id: 'imported-point', type: 'circle', source: 'imported', filter: isPoint, paint: { 'circle-color': IMPORTED_COLOUR, 'circle-radius': ['case', hovered, 7, 5], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
    ...selectionLayers(),
    { id: 'context-village', type: 'circle', source: 'context', minzoom: 9, filter: ['==', ['get', 'kind'], 'village'], paint: { 'circle-color': '#ffffff', 'circle-radius': 3, 'circle-stroke-color': CONTEXT_COLOUR, 'circle-stroke-width': 1.5 } },
  ];
}

export const PROGRAMME_SOURCES = ['parcels', 'treated', 'zones', 'buffers', 'overlap', 'gps', 'gem', 'imported', 'mines', 'context', 'selection', 'zone-labels', 'parcel-labels'] as const;
export type ProgrammeSource = (typeof PROGRAMME_SOURCES)[number];

export function programmeStyle(mode: ParcelStyleMode, language: LabelLanguage): StyleSpecification {
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
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } }, ...programmeLayers(mode), ...labelLayers(language), ...gpsLayers()],
  };
}
