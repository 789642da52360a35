// Where conflicts wait for their user when the sync engine's own store is not at hand: an IndexedDB
// database per programme with the conflicts (`sync_conflicts`) and the resolutions made
// (`sync_resolved`: the edits to push, based on theirs' revision, and the journal label). Moving a
// conflict to the resolved store is one transaction, so a resolution is never lost nor made twice.
// Other tabs hear of changes on a BroadcastChannel.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Edit } from '../store/edit.ts';
import { resolveConflict } from '../store/conflict-resolution.ts';
import { newTreatedId } from '../store/new-id.ts';
import type { ConflictChoice, SyncConflict, SyncConflictSource } from '../store/sync-conflict.ts';

export interface ResolvedConflict {
  clientEditId: string;
  choice: ConflictChoice;
  /** To push, in order (the sync engine's outbox takes them). */
  edits: Edit[];
  label: string;
  reopens: string[];
  /** ISO 8601. */
  at: string;
  conflict: SyncConflict;
}

interface SyncConflictDB extends DBSchema {
  sync_conflicts: { key: string; value: SyncConflict };
  sync_resolved: { key: string; value: ResolvedConflict };
}

export const syncConflictDatabaseName = (programmeId: string): string => `fulv-sync-conflicts-${programmeId}`;

export function openSyncConflictDatabase(programmeId: string): Promise<IDBPDatabase<SyncConflictDB>> {
  return openDB<SyncConflictDB>(syncConflictDatabaseName(programmeId), 1, {
    upgrade(db) {
      db.createObjectStore('sync_conflicts', { keyPath: 'clientEditId' });
      db.createObjectStore('sync_resolved', { keyPath: 'clientEditId' });
    },
  });
}

export function syncConflictDatabaseSource(programmeId: string, now: () => Date = () => new Date()): SyncConflictSource & { close(): void } {
  const database = openSyncConflictDatabase(programmeId);
  const listeners = new Set<() => void>();
  const notify = () => { for (const l of listeners) l(); };
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(syncConflictDatabaseName(programmeId));
  channel?.addEventListener('message', notify);
  return {
    async list() {
      return (await database).getAll('sync_conflicts');
    },
    subscribe(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async resolve(conflict, choice) {
      const at = now();
      const resolution = resolveConflict(conflict, choice, () => newTreatedId(programmeId, at));
      const tx = (await database).transaction(['sync_conflicts', 'sync_resolved'], 'readwrite');
      // Resolved meanwhile (another tab): the first decision stands.
      if (!(await tx.objectStore('sync_conflicts').get(conflict.clientEditId))) return void (await tx.done);
      await Promise.all([
        tx.objectStore('sync_conflicts').delete(conflict.clientEditId),
        tx.objectStore('sync_resolved').put({ clientEditId: conflict.clientEditId, choice, ...resolution, at: at.toISOString(), conflict }),
        tx.done,
      ]);
      channel?.postMessage('changed');
      notify();
    },
    close() {
      channel?.close();
      void database.then((db) => db.close());
    },
  };
}
