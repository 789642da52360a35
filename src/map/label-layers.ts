// Names on the map: townships and villages (context), zones and mines from about zoom 11, parcel
// ids from zoom 14. Every glyph is drawn in the browser from local fonts: the style has no
// `glyphs` URL, and since 5.11 MapLibre then draws all text with TinySDF from the fonts `text-font`
// names (its CSS families, tried in order), so labels need no glyph server, no file of the app's
// own and no network, and work offline from the first visit.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CONTEXT_COLOUR, LABEL_COLOUR, LABEL_HALO } from './palette.ts';

/** The Chinese fonts of the platforms Fulv runs on, then the browser's own sans-serif. */
export const CJK_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * Latin letters and digits from a Latin font first; characters it lacks (Chinese) fall through to
 * the CJK families, as in CSS.
 */
export const TEXT_FONT = ['Noto Sans', 'Liberation Sans', 'Arial', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'];

export type LabelLanguage = 'zh' | 'en';

/** A feature's name in the interface language; features without an English name keep theirs. */
export function nameField(language: LabelLanguage): ExpressionSpecification {
  return language === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name']] : ['get', 'name'];
}

export const NAMED_LABEL_LAYERS = ['context-township-label', 'context-village-label', 'zones-label', 'zones-line-label', 'mines-label'] as const;

const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const paint = (colour: string, haloWidth = 1.5) => ({ 'text-color': colour, 'text-halo-color': LABEL_HALO, 'text-halo-width': haloWidth });

/**
 * Polygons are named at one point each (label-points.ts), zones from a source of their label
 * points, parcels from one of the parcels in view only (programme-map.ts), so that finding the
 * points costs nothing at province scale until someone zooms in. Zone names are few and appear
 * from zoom 11, when a zone is large enough to name. Mine names from zoom 12: at 11 a province's
 * view holds 400 mines or more, and placing and drawing their names made panning at 20,000 parcels
 * about a quarter slower in a software renderer (MapLibre places every symbol again each frame
 * when nothing fades); at 12 it holds a hundred and costs nothing measurable. Parcel ids from zoom
 * 14, where only tens of parcels are in view.
 */
export const NAMES_FROM_ZOOM = 11;
export const MINE_NAMES_FROM_ZOOM = 12;
export const PARCEL_IDS_FROM_ZOOM = 14;

export function labelLayers(language: LabelLanguage): LayerSpecification[] {
  const name = nameField(language);
  return [
    {
      id: 'context-village-label', type: 'symbol', source: 'context', minzoom: 9, filter: ['==', ['get', 'kind'], 'village'],
      layout: { 'text-field': name, 'text-font': TEXT_FONT, 'text-size': 12, 'text-anchor': 'left', 'text-offset': [0.6, 0] },
      paint: paint(CONTEXT_COLOUR),
    },
    {
      id: 'zones-label', type: 'symbol', source: 'zone-labels', minzoom: NAMES_FROM_ZOOM,
      layout: { 'text-field': name, 'text-font': TEXT_FONT, 'text-size': 12.5, 'text-max-width': 8 },
      paint: paint(LABEL_COLOUR),
    },
    {
      id: 'zones-line-label', type: 'symbol', source: 'zones', minzoom: NAMES_FROM_ZOOM, filter: isLine,
      layout: { 'text-field': name, 'text-font': TEXT_FONT, 'text-size': 12.5, 'symbol-placement': 'line', 'symbol-spacing': 400 },
      paint: paint(LABEL_COLOUR, 2),
    },
    {
      id: 'mines-label', type: 'symbol', source: 'mines', minzoom: MINE_NAMES_FROM_ZOOM,
      layout: { 'text-field': name, 'text-font': TEXT_FONT, 'text-size': 12, 'text-anchor': 'top', 'text-offset': [0, 0.8], 'text-max-width': 9 },
      paint: paint('#3b2a20'),
    },
    {
      id: 'parcels-label', type: 'symbol', source: 'parcel-labels', minzoom: PARCEL_IDS_FROM_ZOOM,
      layout: { 'text-field': ['get', 'id'], 'text-font': TEXT_FONT, 'text-size': 11 },
      paint: paint(LABEL_COLOUR),
    },
    // Township names on top: placed first, they win collisions at the overview, where they are what
    // tells places apart; from zoom 13 the finer names take over. One point each (the generator's
    // label point), not the polygon, which would be named once in every tile it crosses.
    {
      id: 'context-township-label', type: 'symbol', source: 'context', maxzoom: 13, filter: ['==', ['get', 'kind'], 'township-label'],
      layout: { 'text-field': name, 'text-font': TEXT_FONT, 'text-size': 15, 'text-letter-spacing': 0.2 },
      paint: { ...paint(CONTEXT_COLOUR, 2), 'text-opacity': 0.85 },
    },
  ];
}
