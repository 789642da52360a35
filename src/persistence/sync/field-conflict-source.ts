// The conflict screen's source over the sync engine's own store: the conflicts and refusals the
// last pushes left (`sync_conflicts`), read again whenever the field store's snapshot changes
// (here or in another tab). A decision is settled through the field store's write path, in one
// transaction with the edits that carry it out, so they are journaled and pushed.
import { resolveConflict } from '../../store/conflict-resolution.ts';
import type { EditLayer } from '../../store/edit.ts';
import type { FieldSnapshot } from '../../store/field-snapshot.ts';
import { newTreatedId } from '../../store/new-id.ts';
import type { SyncConflict, SyncConflictSource } from '../../store/sync-conflict.ts';
import type { ServerVersion } from '../../store/sync-protocol.ts';
import type { FieldStore } from '../field-store-types.ts';

function localSlot(snapshot: FieldSnapshot, layer: EditLayer, id: string): { revision: number; value: unknown } | null {
  switch (layer) {
    case 'treated': {
      const r = snapshot.treated.get(id);
      return r ? { revision: r.revision, value: r.feature } : null;
    }
    case 'photos': {
      const r = snapshot.photoRecords.get(id);
      return r ? { revision: r.revision, value: r.photo } : null;
    }
    case 'reviews': {
      const r = snapshot.reviews.get(id);
      return r ? { revision: r.revision, value: r.review } : null;
    }
    case 'targets':
      return snapshot.targetsRecord && { revision: snapshot.targetsRecord.revision, value: snapshot.targetsRecord.table };
    case 'settings':
      return snapshot.distancesRecord && { revision: snapshot.distancesRecord.revision, value: snapshot.distancesRecord.distances };
    case 'reference':
      return null;
  }
}

/**
 * Theirs as the device holds it now. The record took the server's version when the conflict was
 * recorded; a later pull (a third change) or a resolution of mine queued before this one may have
 * moved it on since, and a resolution must be based on what it will be applied to.
 */
function current(conflict: SyncConflict, snapshot: FieldSnapshot): SyncConflict {
  const theirs = conflict.theirs.map((version): ServerVersion => {
    const local = localSlot(snapshot, version.layer, version.id);
    return local && local.revision > version.revision ? { ...version, revision: local.revision, value: local.value } : version;
  });
  return { ...conflict, theirs };
}

/** `who` names the user deciding, for the journal. */
export function fieldConflictSource(store: FieldStore, who: () => string, now: () => Date = () => new Date()): SyncConflictSource {
  return {
    async list() {
      const stored = await store.sync.conflicts();
      const snapshot = store.getSnapshot();
      return stored.flatMap((c) => (c.status === 'conflict' ? [current({ clientEditId: c.clientEditId, edit: c.edit, base: c.base, theirs: c.theirs }, snapshot)] : []));
    },
    async refused() {
      return (await store.sync.conflicts()).flatMap((c) => (c.status === 'refused' ? [{ clientEditId: c.clientEditId, edit: c.edit, code: c.code, message: c.message, at: c.at }] : []));
    },
    subscribe: (callback) => store.subscribe(callback),
    async resolve(conflict, choice) {
      const resolution = resolveConflict(conflict, choice, () => newTreatedId(store.programmeId, now()));
      await store.sync.settle(conflict.clientEditId, { edits: resolution.edits, who: who() });
    },
    dismiss: (clientEditId) => store.sync.settle(clientEditId),
  };
}
