// How an offline basemap is drawn beneath the programme: muted, so parcels, buffers and treated
// polygons stay the loudest things on the map. A vector archive's layers are styled by what their
// names say they hold (water, green, roads… in the OpenMapTiles, Protomaps or OSM naming), with a
// neutral style for anything else; a raster archive is desaturated and softened. No labels of its
// own: the programme's names (label-layers.ts) are the ones the map is read by.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { VectorGeometry, VectorLayerInfo } from '../io/pmtiles/pmtiles-types.ts';

export const OFFLINE_SOURCE = 'offline-basemap';
export const OFFLINE_LAYER_PREFIX = 'offline-basemap-';

type Role = 'earth' | 'landuse' | 'green' | 'water' | 'building' | 'road' | 'boundary' | 'other';

const ROLE_PATTERNS: [Role, RegExp][] = [
  ['water', /water|ocean|lake|river|hydro|sea|reservoir|水/],
  ['green', /landcover|park|green|wood|forest|grass|natural|vegetation|farm|林|草/],
  ['building', /building|建筑/],
  ['road', /road|transport|highway|street|railway|rail|transit|path|道路|公路|铁路/],
  ['boundary', /boundar|admin|border|境界|行政/],
  ['landuse', /landuse|land_use|用地/],
  ['earth', /^earth$|^land$|^ground$/],
];
const ORDER: Role[] = ['earth', 'landuse', 'green', 'water', 'building', 'road', 'boundary', 'other'];

/** Pale, low-contrast tones, none close to a damage-type, status or zone colour (palette.ts). */
const FILL: Record<Role, string> = {
  earth: '#f2f0ea', landuse: '#eae6de', green: '#dfe8d8', water: '#c6d6e4',
  building: '#dcd7cf', road: '#dcd7cf', boundary: '#e4dfe9', other: '#e6e2da',
};
const LINE: Record<Role, string> = {
  earth: '#e2ded5', landuse: '#dcd6cc', green: '#cfdcc6', water: '#a9c0d4',
  building: '#cec8bf', road: '#cdc5b8', boundary: '#a99cbb', other: '#cfc9bf',
};

const ROAD_WIDTH: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 6, 0.3, 10, 0.8, 14, 2, 18, 6];

export function layerRole(id: string): Role {
  const name = id.toLowerCase();
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
}

const IS_POLYGON: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const IS_LINE: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const IS_POINT: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

function layersFor(info: VectorLayerInfo, role: Role): LayerSpecification[] {
  const kinds: VectorGeometry[] = info.geometry.length > 0 ? info.geometry : ['polygon', 'line', 'point'];
  const base = { source: OFFLINE_SOURCE, 'source-layer': info.id };
  const id = (kind: string) => `${OFFLINE_LAYER_PREFIX}${info.id}-${kind}`;
  const out: LayerSpecification[] = [];
  if (kinds.includes('polygon')) {
    out.push({ ...base, id: id('fill'), type: 'fill', filter: IS_POLYGON, paint: { 'fill-color': FILL[role], 'fill-outline-color': LINE[role] } });
  }
  if (kinds.includes('line')) {
    out.push({
      ...base, id: id('line'), type: 'line', filter: IS_LINE,
      paint: {
        'line-color': LINE[role],
        'line-width': role === 'road' ? ROAD_WIDTH : role === 'water' ? 1.2 : 0.8,
        ...(role === 'boundary' ? { 'line-dasharray': [3, 2] } : {}),
      },
    });
  }
  // Points carry nothing readable without labels; only layers of unknown meaning show them, faintly.
  if (kinds.includes('point') && role === 'other') {
    out.push({ ...base, id: id('point'), type: 'circle', filter: IS_POINT, paint: { 'circle-color': LINE.other, 'circle-radius': 1.5 } });
  }
  return out;
}

export function vectorBasemapLayers(layers: readonly VectorLayerInfo[]): LayerSpecification[] {
  const roles = layers.map((info) => ({ info, role: layerRole(info.id) }));
  roles.sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
  return roles.flatMap(({ info, role }) => layersFor(info, role));
}

export function rasterBasemapLayers(): LayerSpecification[] {
  return [{
    id: `${OFFLINE_LAYER_PREFIX}raster`, type: 'raster', source: OFFLINE_SOURCE,
    paint: { 'raster-saturation': -0.55, 'raster-contrast': -0.15, 'raster-brightness-min': 0.12, 'raster-opacity': 0.9 },
  }];
}
