// The conflicts and refused edits waiting for this user, read from a SyncConflictSource and kept
// current. Conflicts that merge by themselves (different attributes, steps the review flow lets
// follow) are resolved at once through the same path, unasked; only the rest wait for the user.
import { useCallback, useEffect, useState } from 'react';
import { mergeConflict } from '../store/conflict-resolution.ts';
import type { ConflictChoice, RefusedEdit, SyncConflict, SyncConflictSource } from '../store/sync-conflict.ts';

export interface SyncConflictsState {
  conflicts: SyncConflict[];
  refused: RefusedEdit[];
  resolve: (conflict: SyncConflict, choice: ConflictChoice) => Promise<void>;
  dismiss: (clientEditId: string) => Promise<void>;
}

export function useSyncConflicts(source: SyncConflictSource | null): SyncConflictsState {
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [refused, setRefused] = useState<RefusedEdit[]>([]);
  useEffect(() => {
    if (!source) {
      setConflicts([]);
      setRefused([]);
      return;
    }
    let alive = true;
    // A merge already on its way is not started again by the reads its own write causes
    // (settling twice would change nothing, but would show a needless failure).
    const merging = new Set<string>();
    const load = () => void Promise.all([source.list(), source.refused()]).then(([list, refusals]) => {
      if (!alive) return;
      const merged = list.filter((c) => mergeConflict(c).kind === 'merged');
      for (const c of merged) {
        if (merging.has(c.clientEditId)) continue;
        merging.add(c.clientEditId);
        void source.resolve(c, 'mine').catch(() => merging.delete(c.clientEditId));
      }
      setConflicts(list.filter((c) => !merged.includes(c)));
      setRefused(refusals);
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
  const dismiss = useCallback(async (clientEditId: string) => {
    if (source) await source.dismiss(clientEditId);
  }, [source]);
  return { conflicts, refused, resolve, dismiss };
}
