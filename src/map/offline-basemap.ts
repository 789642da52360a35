// An offline basemap on the map: a PMTiles archive read through the pmtiles protocol (tiles come
// from the stored file a range at a time, never from the network), drawn with the muted style of
// offline-basemap-style.ts directly beneath the programme's layers.
import { addProtocol, type Map as MapLibreMap, type SourceSpecification } from 'maplibre-gl';
import { PMTiles, Protocol, type Source } from 'pmtiles';
import type { PmtilesSummary } from '../io/pmtiles/pmtiles-types.ts';
import { OFFLINE_LAYER_PREFIX, OFFLINE_SOURCE, rasterBasemapLayers, vectorBasemapLayers } from './offline-basemap-style.ts';
import { PROGRAMME_SOURCES } from './programme-style.ts';

export interface OfflineBasemap {
  summary: PmtilesSummary;
  /** The archive's bytes; its key must be unique to the archive. */
  source: Source;
}

let protocol: Protocol | null = null;

/** The pmtiles:// protocol, registered with MapLibre once for all maps. */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** The programme's lowest layer: basemaps go beneath it. */
export function firstProgrammeLayer(map: MapLibreMap): string | undefined {
  const sources: readonly string[] = PROGRAMME_SOURCES;
  return map.getStyle().layers.find((l) => 'source' in l && sources.includes(l.source))?.id;
}

function removeOfflineBasemap(map: MapLibreMap): void {
  for (const layer of map.getStyle().layers) if (layer.id.startsWith(OFFLINE_LAYER_PREFIX)) map.removeLayer(layer.id);
  if (map.getSource(OFFLINE_SOURCE)) map.removeSource(OFFLINE_SOURCE);
}

export function applyOfflineBasemap(map: MapLibreMap, basemap: OfflineBasemap | null, previousKey: string | null): void {
  removeOfflineBasemap(map);
  const tiles = pmtilesProtocol();
  // Let go of the last archive's file; a new one gets a new key.
  if (previousKey && previousKey !== basemap?.source.getKey()) tiles.tiles.delete(previousKey);
  if (!basemap) return;
  tiles.add(new PMTiles(basemap.source));
  const { summary } = basemap;
  const common = {
    tiles: [`pmtiles://${basemap.source.getKey()}/{z}/{x}/{y}`],
    minzoom: summary.minZoom,
    maxzoom: summary.maxZoom,
    bounds: summary.bounds,
    attribution: summary.attribution ?? '',
  };
  const source: SourceSpecification = summary.kind === 'vector'
    ? { type: 'vector', ...common }
    : { type: 'raster', tileSize: summary.tileSize, ...common };
  map.addSource(OFFLINE_SOURCE, source);
  const before = firstProgrammeLayer(map);
  for (const layer of summary.kind === 'vector' ? vectorBasemapLayers(summary.vectorLayers) : rasterBasemapLayers()) map.addLayer(layer, before);
}
