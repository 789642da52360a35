// Before/after imagery for the swipe comparison: one XYZ raster per side (e.g. two dates of a
// county's orthophotos on an intranet tile server). Off unless the reviewer enters a URL, so the
// comparison makes no request outside the app's origin by default.
import type { Map as MapLibreMap } from 'maplibre-gl';

const SOURCE = 'review-imagery';
const LAYER = 'review-imagery';

/** http(s) with {z}, {x} and {y}; anything else is refused rather than requested. */
export function isImageryUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url) && url.includes('{z}') && url.includes('{x}') && (url.includes('{y}') || url.includes('{-y}'));
}

export function setImagery(map: MapLibreMap, url: string | null): void {
  if (map.getLayer(LAYER)) map.removeLayer(LAYER);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  if (!url || !isImageryUrl(url)) return;
  map.addSource(SOURCE, { type: 'raster', tiles: [url], tileSize: 256, maxzoom: 19 });
  // Directly above the background, under every programme layer.
  map.addLayer({ id: LAYER, type: 'raster', source: SOURCE }, map.getStyle().layers[1]?.id);
}
