// The open programme's field database (IndexedDB) as React state: opened once the programme to
// open is known (the demo with its seed, seeding it the first time; any other programme from its
// database alone), then every render reads the store's current snapshot. A new target closes the
// old store and opens the new one.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { FieldStoreError } from '../persistence/field-store-error.ts';
import { openFieldStore, type FieldStore } from '../persistence/field-store.ts';
import { requestPersistentStorage } from '../persistence/persistent-storage.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { storedBufferDistances } from './app-settings.ts';
import type { Seed } from './demo-programme.ts';

export type StoreProblem = { kind: 'blocked' } | { kind: 'failed'; error: FieldStoreError | Error } | { kind: 'background'; error: FieldStoreError };

/** Which programme to open; `seed` only for the demo. */
export interface OpenTarget {
  programmeId: string;
  seed: Seed | null;
}

const noStore = { subscribe: () => () => undefined, getSnapshot: () => null };

export function useFieldStore(target: OpenTarget | null): { store: FieldStore | null; snapshot: FieldSnapshot | null; problem: StoreProblem | null } {
  const [store, setStore] = useState<FieldStore | null>(null);
  const [problem, setProblem] = useState<StoreProblem | null>(null);

  useEffect(() => {
    if (!target) return;
    let opened: FieldStore | null = null;
    let alive = true;
    openFieldStore({
      ...(target.seed ? { programme: target.seed.programme, seedVersion: target.seed.version } : { programmeId: target.programmeId }),
      initialBufferDistances: target.seed ? storedBufferDistances() : null,
      onBlocked: () => setProblem({ kind: 'blocked' }),
      onBackgroundError: (error) => setProblem({ kind: 'background', error }),
    }).then((s) => {
      opened = s;
      if (!alive) return void s.close();
      setProblem(null);
      setStore(s);
      // End-to-end tests read the store's clock through this handle when a sync check fails.
      (window as unknown as { __fulvStore?: unknown }).__fulvStore = s;
      // Ask once the data is there: the browser may then never evict a day's field work.
      void requestPersistentStorage();
    }, (error: unknown) => {
      if (alive) setProblem({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => {
      alive = false;
      setStore(null);
      void opened?.close();
    };
  }, [target]);

  const source = store ?? noStore;
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return { store, snapshot, problem };
}
