// Hover highlight and click selection on the programme layers, through feature-state so the
// data never has to be re-sent to the map to show a highlight.
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { CLICKABLE_LAYERS } from './layer-groups.ts';

export interface FeatureRef {
  source: string;
  id: string;
}

function topFeature(map: MapLibreMap, point: MapMouseEvent['point']): MapGeoJSONFeature | undefined {
  const layers = CLICKABLE_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  const hits = map.queryRenderedFeatures(point, { layers });
  // queryRenderedFeatures lists top layers first; the clickable list breaks ties by priority.
  for (const layer of CLICKABLE_LAYERS) {
    const hit = hits.find((f) => f.layer.id === layer && f.id !== undefined);
    if (hit) return hit;
  }
  return undefined;
}

export function attachFeatureInteraction(map: MapLibreMap, onClick: (ref: FeatureRef | null) => void): () => void {
  let hovered: FeatureRef | null = null;

  const setHover = (next: FeatureRef | null) => {
    if (hovered && (hovered.source !== next?.source || hovered.id !== next?.id)) {
      if (map.getSource(hovered.source)) map.setFeatureState(hovered, { hover: false });
    }
    hovered = next;
    if (next) map.setFeatureState(next, { hover: true });
    map.getCanvas().style.cursor = next ? 'pointer' : '';
  };

  const onMove = (e: MapMouseEvent) => {
    const f = topFeature(map, e.point);
    setHover(f ? { source: f.source, id: String(f.id) } : null);
  };
  const onLeave = () => setHover(null);
  const onMapClick = (e: MapMouseEvent) => {
    const f = topFeature(map, e.point);
    onClick(f ? { source: f.source, id: String(f.id) } : null);
  };

  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onMapClick);
  return () => {
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    map.off('click', onMapClick);
  };
}
