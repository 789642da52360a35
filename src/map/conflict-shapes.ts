// A sync conflict's two shapes on the programme map, above everything else: mine and theirs in
// their own colours (palette.ts) and line styles, so the user compares them where they lie.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { SYNC_MINE_COLOUR, SYNC_THEIRS_COLOUR } from './palette.ts';

export const CONFLICT_SHAPES_SOURCE = 'sync-conflict';
export type ConflictSide = 'mine' | 'theirs';

/** The two versions as one collection, each feature marked with its side; a deleted side is absent. */
export function conflictShapes(mine: Geometry | null, theirs: Geometry | null): FeatureCollection {
  const side = (geometry: Geometry | null, which: ConflictSide): Feature[] => (geometry ? [{ type: 'Feature', geometry, properties: { side: which } }] : []);
  return { type: 'FeatureCollection', features: [...side(theirs, 'theirs'), ...side(mine, 'mine')] };
}

const sideIs = (side: ConflictSide) => ['==', ['get', 'side'], side] as ['==', ['get', string], string];

export const CONFLICT_SHAPE_LAYERS: LayerSpecification[] = [
  { id: 'sync-conflict-theirs-fill', type: 'fill', source: CONFLICT_SHAPES_SOURCE, filter: sideIs('theirs'), paint: { 'fill-color': SYNC_THEIRS_COLOUR, 'fill-opacity': 0.25 } },
  { id: 'sync-conflict-mine-fill', type: 'fill', source: CONFLICT_SHAPES_SOURCE, filter: sideIs('mine'), paint: { 'fill-color': SYNC_MINE_COLOUR, 'fill-opacity': 0.25 } },
  { id: 'sync-conflict-theirs-line', type: 'line', source: CONFLICT_SHAPES_SOURCE, filter: sideIs('theirs'), paint: { 'line-color': SYNC_THEIRS_COLOUR, 'line-width': 3, 'line-dasharray': [2, 1.5] } },
  { id: 'sync-conflict-mine-line', type: 'line', source: CONFLICT_SHAPES_SOURCE, filter: sideIs('mine'), paint: { 'line-color': SYNC_MINE_COLOUR, 'line-width': 2.5 } },
];

/** Shows the shapes (adding the source and layers the first time), or clears them with null. */
export function showConflictShapes(map: MapLibreMap, shapes: FeatureCollection | null): void {
  const data = shapes ?? { type: 'FeatureCollection', features: [] };
  const source = map.getSource<GeoJSONSource>(CONFLICT_SHAPES_SOURCE);
  if (source) return void source.setData(data);
  map.addSource(CONFLICT_SHAPES_SOURCE, { type: 'geojson', data });
  for (const layer of CONFLICT_SHAPE_LAYERS) map.addLayer(layer);
}
