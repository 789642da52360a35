// The conflicts and refused edits waiting for this user, read from a SyncConflictSource and kept
// current. Conflicts that merge by themselves (different attributes, steps the review flow lets
// follow) are resolved at once through the same path, unasked; only the rest wait for the user,
// and so does a merge this device's store refused.
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
    // A merge this device's store refused (frozen work, its validation), with the store's reason:
    // shown for the user to choose, never hidden while it still counts as a conflict.
    const refusedMerges = new Map<string, string>();
    const load = (): void => void Promise.all([source.list(), source.refused()]).then(([stored, refusals]) => {
      if (!alive) return;
      const list = stored.map((c) => (refusedMerges.has(c.clientEditId) ? { ...c, mergeRefused: refusedMerges.get(c.clientEditId)! } : c));
      const merged = list.filter((c) => mergeConflict(c).kind === 'merged');
      for (const c of merged) {
        if (merging.has(c.clientEditId)) continue;
        merging.add(c.clientEditId);
        void source.resolve(c, 'mine').catch((error: unknown) => {
          merging.delete(c.clientEditId);
          refusedMerges.set(c.clientEditId, error instanceof Error ? error.message : String(error));
          load();
        });
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
