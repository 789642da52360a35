// Caching the online basemap for offline use, as React state: how many tiles the current view
// needs down to the chosen zoom (refused above the stated limit), the download's progress, and
// what the cache holds. Cached tiles are served to the map by map/cached-tile-protocol.ts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { tileCount, tileRanges, tilesIn, tileUrl } from '../lib/web-mercator-tiles.ts';
import { isValidTileUrl, type BasemapSettings } from '../map/basemap.ts';
import { setTileLookup } from '../map/cached-tile-protocol.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import { cachedTile, cacheTiles, clearTileCache, TILE_CACHE_LIMITS, tileCacheSummary, type TileCacheSummary } from '../persistence/online-tile-cache.ts';
import type { TileCacheToolsProps } from '../ui/TileCacheTools.tsx';

// Set when this module loads, before any map asks for a tile: cached tiles must win offline.
setTileLookup(cachedTile);

/** Zooms this far above the view's are cached too, so zooming out offline still shows the area. */
const ZOOMS_OUT = 3;
const TOP_ZOOM = 18;

export function useTileCache(map: ProgrammeMap | null, basemap: BasemapSettings, open: boolean): TileCacheToolsProps {
  const [view, setView] = useState<{ bounds: [number, number, number, number]; zoom: number } | null>(null);
  const [maxZoom, setMaxZoom] = useState(14);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<TileCacheToolsProps['outcome']>(null);
  const [cached, setCached] = useState<TileCacheSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const available = basemap.enabled && isValidTileUrl(basemap.url);

  // The view is read when the settings open: the dialog covers the map meanwhile.
  useEffect(() => {
    if (!open || !map) return;
    const v = map.view();
    setView(v);
    setMaxZoom((z) => Math.min(TOP_ZOOM, Math.max(z, Math.ceil(v.zoom))));
    void tileCacheSummary().then(setCached, () => setCached(null));
  }, [open, map]);

  const fromZoom = view ? Math.max(0, Math.floor(view.zoom) - ZOOMS_OUT) : 0;
  const ranges = useMemo(() => (view ? tileRanges(view.bounds, fromZoom, Math.max(fromZoom, maxZoom)) : []), [view, fromZoom, maxZoom]);
  const planned = tileCount(ranges);
  const zoomChoices = view ? Array.from({ length: TOP_ZOOM - Math.ceil(view.zoom) + 1 }, (_, i) => Math.ceil(view.zoom) + i) : [];

  const onStart = useCallback(() => {
    if (!available || planned > TILE_CACHE_LIMITS.tiles || planned === 0) return;
    const urls = [...tilesIn(ranges)].map((tile) => tileUrl(basemap.url, tile, basemap.tms));
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setOutcome(null);
    setProgress({ done: 0, total: urls.length });
    const before = cached?.tiles ?? 0;
    cacheTiles(urls, { signal: controller.signal, onProgress: (done) => setProgress({ done, total: urls.length }) }).then((run) => {
      setOutcome({ stored: run.tiles - before, failed: run.failed, stoppedAtLimit: run.stoppedAtLimit });
      setCached({ tiles: run.tiles, bytes: run.bytes });
    }, (e: Error) => setError(e.message)).finally(() => {
      setProgress(null);
      abort.current = null;
    });
  }, [available, planned, ranges, basemap.url, basemap.tms, cached]);

  const onClear = useCallback(() => {
    void clearTileCache().then(() => {
      setCached({ tiles: 0, bytes: 0 });
      setOutcome(null);
    });
  }, []);

  return {
    available, maxZoom, zoomChoices, onMaxZoom: setMaxZoom,
    planned: { tiles: planned, fromZoom },
    limits: TILE_CACHE_LIMITS,
    progress, outcome, cached, error, onStart,
    onCancel: () => abort.current?.abort(),
    onClear,
  };
}
