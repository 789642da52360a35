// The swipe's imagery as React state: per side an XYZ URL or an opened imagery file. A file is
// read by io/imagery — loaded on first use, with sql.js for MBTiles — and served to the maps by
// map/imagery-protocol.ts; a refused file leaves the side as it was. An opened file is also kept
// in the browser (the basemap store's imagery shelf), one per side, so it is there again after a
// reload until the reviewer removes it; a file that cannot be kept is still shown for the session.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImagerySummary } from '../io/imagery/imagery-types.ts';
import type { CompareSide } from '../map/compare-maps.ts';
import { serveImagery, stopServingImagery } from '../map/imagery-protocol.ts';
import { IMAGERY_SHELF, storeError, type BasemapStore } from '../persistence/basemaps/basemap-store.ts';
import { openBasemapStore } from '../persistence/basemaps/open-basemap-store.ts';
import type { SideImagery, SwipeImageryState } from '../ui/SwipeImagery.tsx';
import { tileOrigin } from '../lib/content-security-policy.ts';
import { isImageryUrl } from '../map/imagery-layer.ts';
import { loadImageryUrls, saveImageryUrl } from './imagery-urls.ts';
import { loadSqlJs } from './load-sql-js.ts';
import { allowsTileUrl } from './page-policy.ts';

/** What the imagery shelf says of each kept file. */
interface KeptImagery {
  side: CompareSide;
  summary: ImagerySummary;
}

const EMPTY: SideImagery = { url: '', blockedOrigin: null, file: null, message: null };

/** A side as it starts: with the URL typed before the last reload (which the page's policy now allows). */
function initialSide(url: string | undefined): SideImagery {
  return url ? { ...EMPTY, url, blockedOrigin: blockedOrigin(url) } : EMPTY;
}

function blockedOrigin(url: string): string | null {
  return isImageryUrl(url) && !allowsTileUrl(url) ? tileOrigin(url) : null;
}

export function useReviewImagery(): SwipeImageryState {
  const [sides, setSides] = useState<Record<CompareSide, SideImagery>>(() => {
    const urls = loadImageryUrls();
    return { before: initialSide(urls.before), after: initialSide(urls.after) };
  });
  const served = useRef<Record<CompareSide, { key: string; keptId: string | null } | null>>({ before: null, after: null });
  const shelf = useRef<Promise<BasemapStore<KeptImagery> | null> | null>(null);
  const openings = useRef(0);

  const update = useCallback((side: CompareSide, change: Partial<SideImagery>) => {
    setSides((old) => ({ ...old, [side]: { ...old[side], ...change } }));
  }, []);

  const store = useCallback(() => {
    shelf.current ??= openBasemapStore<KeptImagery>(IMAGERY_SHELF).catch(() => null);
    return shelf.current;
  }, []);

  /** Stops serving the side's file and forgets the kept copy. */
  const letGo = useCallback((side: CompareSide) => {
    const gone = served.current[side];
    served.current[side] = null;
    if (!gone) return;
    stopServingImagery(gone.key);
    if (gone.keptId) void store().then((s) => s?.remove(gone.keptId!));
  }, [store]);

  /** Opens and shows a file; `keptId` when it comes from the shelf. Null when refused. */
  const show = useCallback(async (side: CompareSide, file: Blob, name: string, keptId: string | null): Promise<ImagerySummary | null> => {
    const key = `${side}-${++openings.current}-${Date.now().toString(36)}`;
    update(side, { message: { kind: 'opening', name } });
    try {
      const { openImagery } = await import('../io/imagery/open-imagery.ts');
      const opened = await openImagery(file, key, { sqlJs: loadSqlJs });
      if (!opened.ok) {
        update(side, { message: { kind: 'refused', name, code: opened.code, reason: opened.reason } });
        return null;
      }
      const tiles = serveImagery(key, opened.value.tiles);
      letGo(side);
      served.current[side] = { key, keptId };
      update(side, { file: { name, summary: opened.value.summary, tiles, kept: keptId !== null }, message: null });
      return opened.value.summary;
    } catch (error) {
      // Reading failed below the readers (the file vanished, memory ran out): still this file's fault.
      update(side, { message: { kind: 'refused', name, code: 'broken_file', reason: String(error) } });
      return null;
    }
  }, [update, letGo]);

  const keep = useCallback(async (side: CompareSide, file: File, summary: ImagerySummary) => {
    const current = served.current[side];
    const s = await store();
    if (!s || !current) return;
    try {
      const kept = await s.add(file, file.name, { side, summary });
      // Replaced or removed while it was being written: nothing to keep.
      if (served.current[side] !== current) return void s.remove(kept.id);
      current.keptId = kept.id;
      setSides((old) => (old[side].file ? { ...old, [side]: { ...old[side], file: { ...old[side].file!, kept: true } } } : old));
    } catch (error) {
      update(side, { message: { kind: 'notKept', name: file.name, reason: storeError(error, `“${file.name}”`).message } });
    }
  }, [store, update]);

  // Files kept from an earlier visit, the newest per side; older ones are leftovers.
  useEffect(() => {
    void store().then(async (s) => {
      if (!s) return;
      const kept = await s.list();
      for (const side of ['before', 'after'] as const) {
        const mine = kept.filter((k) => k.summary.side === side);
        const newest = mine.pop();
        for (const old of mine) void s.remove(old.id);
        const file = newest && await s.file(newest.id);
        // A kept copy that no longer opens (storage damaged) is dropped, with the reason shown once.
        if (newest && file && !served.current[side] && !(await show(side, file, newest.fileName, newest.id))) void s.remove(newest.id);
      }
    });
  }, [store, show]);

  const onFile = useCallback(async (side: CompareSide, file: File) => {
    const summary = await show(side, file, file.name, null);
    if (summary) await keep(side, file, summary);
  }, [show, keep]);

  const onRemoveFile = useCallback((side: CompareSide) => {
    letGo(side);
    update(side, { file: null, message: null });
  }, [update, letGo]);

  const onUrl = useCallback((side: CompareSide, url: string) => {
    update(side, { url, blockedOrigin: blockedOrigin(url) });
    if (url === '' || isImageryUrl(url)) saveImageryUrl(side, url);
  }, [update]);

  return { sides, onUrl, onFile: (side, file) => void onFile(side, file), onRemoveFile, onAllowOrigins: () => location.reload() };
}
