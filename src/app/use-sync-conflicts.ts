// The conflicts waiting for this user, read from a SyncConflictSource and kept current.
import { useCallback, useEffect, useState } from 'react';
import { mergeConflict } from '../store/conflict-resolution.ts';
import type { ConflictChoice, SyncConflict, SyncConflictSource } from '../store/sync-conflict.ts';

export function useSyncConflicts(source: SyncConflictSource | null): { conflicts: SyncConflict[]; resolve: (conflict: SyncConflict, choice: ConflictChoice) => Promise<void> } {
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  useEffect(() => {
    if (!source) return void setConflicts([]);
    let alive = true;
    // Conflicts that merge by themselves are resolved at once; only the rest wait for the user.
    const load = () => void source.list().then((list) => {
      if (!alive) return;
      const merged = list.filter((c) => mergeConflict(c).kind === 'merged');
      for (const c of merged) void source.resolve(c, 'mine');
      setConflicts(list.filter((c) => !merged.includes(c)));
    }, () => undefined);
    load();
    const unsubscribe = source.subscribe(load);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [source]);
  const resolve = useCallback(async (conflict: SyncConflict, choice: ConflictChoice) => {
    if (source) await source.resolve(conflict, choice);
  }, [source]);
  return { conflicts, resolve };
}
