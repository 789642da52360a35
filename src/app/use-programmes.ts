// The programmes kept in this browser and which one is open: the registry (persistence/
// programme-registry.ts), the bundled demo registered on first start, and the choice remembered
// across reloads (in the registry, so that a killed browser reopens it too). Switching changes the open target, which reopens the store and the map.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { restoreProgrammeFromBackup } from '../persistence/backup/restore-programme.ts';
import { openProgrammeRegistry, type ProgrammeEntry, type ProgrammeRegistry } from '../persistence/programme-registry.ts';
import type { ProgrammeLink } from '../persistence/create-programme.ts';
import { loadCurrentProgramme, saveCurrentProgramme } from './app-settings.ts';
import { loadDemoProgramme, type Seed } from './demo-programme.ts';
import type { OpenTarget } from './use-field-store.ts';

export interface Programmes {
  entries: readonly ProgrammeEntry[];
  current: ProgrammeEntry | null;
  target: OpenTarget | null;
  /** The demo is not in the registry (the user removed it). */
  demoRemoved: boolean;
  /** The bundled demo, once read (its extent frames the first view). */
  demo: Seed | null;
  loadError: string | null;
  switchTo(id: string): void;
  /** `link`: downloaded from a team server, so its edits sync with it. */
  createProgramme(content: ProgrammeContent, link?: ProgrammeLink): Promise<ProgrammeEntry>;
  /** Deletes the open programme (the caller has asked) and opens another, if any. */
  removeCurrent(): Promise<void>;
  addDemo(): Promise<void>;
  restoreFromBackup(file: Blob): Promise<ProgrammeEntry>;
  /** The open programme's names as its store holds them (a backup restored inside it may rename it). */
  noteNames(id: string, name: string, nameEn: string | undefined): void;
}

function pick(entries: readonly ProgrammeEntry[], wanted: string | null): string | null {
  if (wanted && entries.some((e) => e.id === wanted)) return wanted;
  return entries.find((e) => e.demo)?.id ?? entries[0]?.id ?? null;
}

export function useProgrammes(): Programmes {
  const [registry, setRegistry] = useState<ProgrammeRegistry | null>(null);
  const [demo, setDemo] = useState<Seed | null>(null);
  const [entries, setEntries] = useState<readonly ProgrammeEntry[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    let opened: ProgrammeRegistry | null = null;
    Promise.all([openProgrammeRegistry(), loadDemoProgramme()]).then(async ([r, seed]) => {
      opened = r;
      if (!alive) return r.close();
      await r.registerDemo(seed.programme);
      const list = await r.list();
      setDemo(seed);
      setEntries(list);
      setCurrentId(pick(list, await r.currentId(loadCurrentProgramme())));
      setRegistry(r);
    }).catch((e: unknown) => alive && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
      opened?.close();
    };
  }, []);

  const refresh = useCallback(async (r: ProgrammeRegistry) => {
    const list = await r.list();
    setEntries(list);
    return list;
  }, []);

  const switchTo = useCallback((id: string) => {
    setCurrentId(id);
    saveCurrentProgramme(id, new Date());
    void registry?.markOpened(id);
  }, [registry]);

  const createProgramme = useCallback(async (content: ProgrammeContent, link?: ProgrammeLink) => {
    if (!registry) throw new Error('the programme list is not open yet');
    const entry = await registry.create(content, link);
    await refresh(registry);
    switchTo(entry.id);
    return entry;
  }, [registry, refresh, switchTo]);

  const removeCurrent = useCallback(async () => {
    if (!registry || !currentId) return;
    const next = entries.find((e) => e.id !== currentId)?.id ?? null;
    // Close the open store first (by opening another, or none), then delete its database.
    setCurrentId(next);
    if (next) {
      saveCurrentProgramme(next, new Date());
      void registry.markOpened(next);
    }
    await registry.remove(currentId);
    await refresh(registry);
  }, [registry, currentId, entries, refresh]);

  const addDemo = useCallback(async () => {
    if (!registry || !demo) return;
    const entry = await registry.addDemo(demo.programme);
    await refresh(registry);
    switchTo(entry.id);
  }, [registry, demo, refresh, switchTo]);

  const restoreFromBackup = useCallback(async (file: Blob) => {
    if (!registry) throw new Error('the programme list is not open yet');
    const { entry } = await restoreProgrammeFromBackup(registry, new Uint8Array(await file.arrayBuffer()));
    await refresh(registry);
    switchTo(entry.id);
    return entry;
  }, [registry, refresh, switchTo]);

  const noteNames = useCallback((id: string, name: string, nameEn: string | undefined) => {
    if (!registry) return;
    void registry.rename(id, name, nameEn).then(async (changed) => {
      if (changed) await refresh(registry);
    });
  }, [registry, refresh]);

  const current = entries.find((e) => e.id === currentId) ?? null;
  const isDemo = current?.demo === true && demo?.programme.id === current.id;
  const target = useMemo<OpenTarget | null>(
    () => (currentId && registry ? { programmeId: currentId, seed: isDemo ? demo : null } : null),
    [currentId, registry, isDemo, demo],
  );
  const demoRemoved = registry !== null && !entries.some((e) => e.demo);
  return { entries, current, target, demoRemoved, demo, loadError, switchTo, createProgramme, removeCurrent, addDemo, restoreFromBackup, noteNames };
}
