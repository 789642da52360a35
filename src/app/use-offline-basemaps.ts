// Offline basemaps as React state: the stored PMTiles archives (persistence/basemaps), which one
// the map shows, adding a file from disk after checking it (io/pmtiles), removing one, and the
// storage the app uses. The chosen archive is handed to the map as a range-reading source.
import { useCallback, useEffect, useRef, useState } from 'react';
import { BlobSource } from '../io/pmtiles/blob-source.ts';
import { checkPmtiles } from '../io/pmtiles/check-pmtiles.ts';
import { BasemapStoreError, type BasemapStore, type StoredBasemap } from '../persistence/basemaps/basemap-store.ts';
import { openBasemapStore } from '../persistence/basemaps/open-basemap-store.ts';
import { storageEstimate, type StorageFigures } from '../persistence/basemaps/storage-estimate.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import type { BasemapMessage, OfflineBasemapsProps } from '../ui/OfflineBasemaps.tsx';
import { loadOfflineBasemapChoice, saveOfflineBasemapChoice } from './offline-basemap-choice.ts';

export function useOfflineBasemaps(map: ProgrammeMap | null): OfflineBasemapsProps {
  const store = useRef<BasemapStore | null>(null);
  const [storageKind, setStorageKind] = useState<BasemapStore['kind'] | null>(null);
  const [basemaps, setBasemaps] = useState<StoredBasemap[]>([]);
  const [activeId, setActiveId] = useState<string | null>(loadOfflineBasemapChoice);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<BasemapMessage | null>(null);
  const [storage, setStorage] = useState<StorageFigures | null>(null);

  const refresh = useCallback(async () => {
    if (store.current) setBasemaps(await store.current.list());
    setStorage(await storageEstimate());
  }, []);

  useEffect(() => {
    let alive = true;
    openBasemapStore().then((s) => {
      if (!alive) return;
      store.current = s;
      setStorageKind(s.kind);
      void refresh();
    }, () => {
      if (alive) setStorageKind(null);
    });
    return () => { alive = false; };
  }, [refresh]);

  const choose = useCallback((id: string | null) => {
    setActiveId(id);
    saveOfflineBasemapChoice(id);
  }, []);

  // The chosen archive on the map, set again only when the choice changes (not when the list is
  // re-read); a choice whose archive is gone (removed in another tab) is dropped.
  const active = basemaps.find((b) => b.id === activeId) ?? null;
  const activeNow = useRef(active);
  activeNow.current = active;
  const shownId = active?.id ?? null;
  useEffect(() => {
    const chosen = activeNow.current;
    if (!map || storageKind === null) return;
    if (!chosen) {
      map.setOfflineBasemap(null);
      return;
    }
    let current = true;
    void store.current?.file(chosen.id).then((file) => {
      if (!current) return;
      if (!file) return choose(null);
      map.setOfflineBasemap({ summary: chosen.summary, source: new BlobSource(file, `fulv-basemap-${chosen.id}`) });
    });
    return () => { current = false; };
  }, [map, storageKind, shownId, choose]);

  const onOpen = useCallback(async (file: File) => {
    const s = store.current;
    if (!s) return;
    setBusy(true);
    setMessage({ kind: 'checking', name: file.name });
    try {
      const check = await checkPmtiles(file);
      if (!check.ok) return setMessage({ kind: 'refused', name: file.name, code: check.code, reason: check.reason });
      const figures = await storageEstimate();
      if (figures && file.size > figures.quotaBytes - figures.usedBytes) {
        return setMessage({ kind: 'failed', name: file.name, code: 'too_large', reason: `${file.size} bytes; ${figures.quotaBytes - figures.usedBytes} available` });
      }
      const stored = await s.add(file, file.name, check.value);
      await refresh();
      choose(stored.id);
      setMessage({ kind: 'added', name: file.name, summary: check.value });
    } catch (error) {
      const failure = error instanceof BasemapStoreError ? error : new BasemapStoreError('write_failed', String(error));
      setMessage({ kind: 'failed', name: file.name, code: failure.code, reason: failure.message });
    } finally {
      setBusy(false);
    }
  }, [refresh, choose]);

  const onRemove = useCallback(async (id: string) => {
    const s = store.current;
    const gone = basemaps.find((b) => b.id === id);
    if (!s || !gone) return;
    if (activeId === id) choose(null);
    await s.remove(id);
    await refresh();
    setMessage({ kind: 'removed', name: gone.fileName });
  }, [basemaps, activeId, choose, refresh]);

  const onZoomTo = useCallback((id: string) => {
    const b = basemaps.find((x) => x.id === id);
    if (b && map) map.fitBounds(b.summary.bounds);
  }, [basemaps, map]);

  return {
    storageKind, basemaps, activeId, busy, message, storage,
    onOpen: (file) => void onOpen(file),
    onChoose: choose,
    onZoomTo,
    onRemove: (id) => void onRemove(id),
  };
}
