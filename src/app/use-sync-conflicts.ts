// The conflicts waiting for this user, read from a SyncConflictSource and kept current.
import { useCallback, useEffect, useState } from 'react';
import type { ConflictChoice, SyncConflict, SyncConflictSource } from '../store/sync-conflict.ts';

export function useSyncConflicts(source: SyncConflictSource | null): { conflicts: SyncConflict[]; resolve: (conflict: SyncConflict, choice: ConflictChoice) => Promise<void> } {
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  useEffect(() => {
    if (!source) return void setConflicts([]);
    let alive = true;
    const load = () => void source.list().then((list) => { if (alive) setConflicts(list); }, () => undefined);
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
