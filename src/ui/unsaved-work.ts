// Work typed into a form but not yet saved, announced by the components that hold it, so that
// an app update waits instead of reloading it away. Saved edits are already in IndexedDB; only
// this in-memory kind can be lost.
import { useEffect, useId, useSyncExternalStore } from 'react';

const holders = new Set<string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Call in a component that holds unsaved input: `unsaved` is whether it does now. */
export function useUnsavedWork(unsaved: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!unsaved) return;
    holders.add(id);
    changed();
    return () => {
      holders.delete(id);
      changed();
    };
  }, [id, unsaved]);
}

export function useHasUnsavedWork(): boolean {
  return useSyncExternalStore(subscribe, () => holders.size > 0);
}
