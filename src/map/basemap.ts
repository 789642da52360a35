// An online raster basemap the user configured in settings. Off by default: with it off the
// app makes no request outside its own origin.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { cachedTileTemplate } from './cached-tile-protocol.ts';

export interface BasemapSettings {
  enabled: boolean;
  url: string;
  tms: boolean;
  attribution: string;
}

export const NO_BASEMAP: BasemapSettings = { enabled: false, url: '', tms: false, attribution: '' };

const SOURCE = 'basemap';
const LAYER = 'basemap';

export function isValidTileUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url) && url.includes('{z}') && url.includes('{x}') && (url.includes('{y}') || url.includes('{-y}'));
}

export function applyBasemap(map: MapLibreMap, settings: BasemapSettings): void {
  if (map.getLayer(LAYER)) map.removeLayer(LAYER);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  if (!settings.enabled || !isValidTileUrl(settings.url)) return;
  map.addSource(SOURCE, {
    type: 'raster',
    // Through the cache protocol: tiles cached for offline use are drawn from the cache.
    tiles: [cachedTileTemplate(settings.url)],
    tileSize: 256,
    scheme: settings.tms ? 'tms' : 'xyz',
    attribution: settings.attribution,
    maxzoom: 19,
  });
  // Directly above the background so every programme layer stays on top.
  const firstProgrammeLayer = map.getStyle().layers[1]?.id;
  map.addLayer({ id: LAYER, type: 'raster', source: SOURCE }, firstProgrammeLayer);
}
