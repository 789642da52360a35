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

  // Hover is looked up at most once a frame, and not while a button is down (the map is being
  // dragged): querying rendered features on every pointer move costs the most when most features
  // are in view, which is exactly when panning must stay smooth.
  let pending: MapMouseEvent | null = null;
  let frame = 0;
  const onMove = (e: MapMouseEvent) => {
    if (e.originalEvent.buttons !== 0) return;
    pending = e;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (!pending) return;
      const f = topFeature(map, pending.point);
      pending = null;
      setHover(f ? { source: f.source, id: String(f.id) } : null);
    });
  };
  const onLeave = () => {
    pending = null;
    setHover(null);
  };
  const onMapClick = (e: MapMouseEvent) => {
    const f = topFeature(map, e.point);
    onClick(f ? { source: f.source, id: String(f.id) } : null);
  };

  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onMapClick);
  return () => {
    cancelAnimationFrame(frame);
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    map.off('click', onMapClick);
  };
}
