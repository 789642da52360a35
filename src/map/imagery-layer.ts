// Before/after imagery for the swipe comparison: one raster per side, either from an XYZ URL
// (e.g. two dates of a county's orthophotos on an intranet tile server) or from a file the
// reviewer opened (served by imagery-protocol.ts). Off unless the reviewer enters a URL or opens
// a file, so the comparison makes no request outside the app's origin by default.
import type { Map as MapLibreMap, RasterSourceSpecification } from 'maplibre-gl';
import type { ImagerySummary } from '../io/imagery/imagery-types.ts';

export type ImageryLayer =
  | { kind: 'url'; url: string }
  /** `tiles` is the file's fulv-imagery:// template. */
  | { kind: 'file'; tiles: string; summary: Pick<ImagerySummary, 'bounds' | 'minZoom' | 'maxZoom' | 'tileSize'> };

const SOURCE = 'review-imagery';
const LAYER = 'review-imagery';

/** http(s) with {z}, {x} and {y}; anything else is refused rather than requested. */
export function isImageryUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url) && url.includes('{z}') && url.includes('{x}') && (url.includes('{y}') || url.includes('{-y}'));
}

function rasterSource(imagery: ImageryLayer): RasterSourceSpecification | null {
  if (imagery.kind === 'url') return isImageryUrl(imagery.url) ? { type: 'raster', tiles: [imagery.url], tileSize: 256, maxzoom: 19 } : null;
  const { bounds, minZoom, maxZoom, tileSize } = imagery.summary;
  return { type: 'raster', tiles: [imagery.tiles], tileSize, minzoom: minZoom, maxzoom: maxZoom, bounds };
}

export function setImagery(map: MapLibreMap, imagery: ImageryLayer | null): void {
  if (map.getLayer(LAYER)) map.removeLayer(LAYER);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  const source = imagery && rasterSource(imagery);
  if (!source) return;
  map.addSource(SOURCE, source);
  // Directly above the background, under every programme layer.
  map.addLayer({ id: LAYER, type: 'raster', source: SOURCE }, map.getStyle().layers[1]?.id);
}
