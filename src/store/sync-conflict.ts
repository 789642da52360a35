// A pushed edit the server answered "conflict": what the device keeps until it is merged or its
// user decides. The sync engine stores these (IndexedDB `sync_conflicts`); the merge
// (three-way-merge.ts) and the resolution (conflict-resolution.ts) read them.
import type { Edit, EditLayer } from './edit.ts';
import type { ServerVersion } from './sync-protocol.ts';

/** The value a target had when my edit was made (what the edit was based on). */
export interface BaseVersion {
  layer: EditLayer;
  id: string;
  revision: number;
  /** null when the target did not exist (or was deleted). */
  value: unknown;
}

export interface SyncConflict {
  clientEditId: string;
  /** Mine: the edit as made on this device. */
  edit: Edit;
  /** Per target my edit writes to. */
  base: BaseVersion[];
  /** The server's current version of each target that moved on. */
  theirs: ServerVersion[];
  /**
   * Why this device's store refused the conflict's automatic merge (frozen work, its validation):
   * set by the app after trying it, so the user chooses mine or theirs instead.
   */
  mergeRefused?: string;
}

/** mine: my version replaces theirs; theirs: mine is dropped; keep-both: my shape becomes a new polygon. */
export const CONFLICT_CHOICES = ['mine', 'theirs', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

/** A pushed edit the server refused by a rule (a role, frozen work): shown with its reason until dismissed. */
export interface RefusedEdit {
  clientEditId: string;
  edit: Edit;
  /** The server's refusal code (docs/sync-protocol.md) and its message. */
  code: string;
  message: string;
  /** ISO 8601: when the refusal arrived. */
  at: string;
}

/**
 * Where the app reads conflicts from and hands back the user's decision: the sync engine's store
 * (persistence/sync/field-conflict-source.ts), or a test's. `resolve` applies the edits the
 * resolution made (to be pushed) and forgets the conflict; `dismiss` forgets a refused edit,
 * putting what it changed back to the server's version.
 */
export interface SyncConflictSource {
  list(): Promise<SyncConflict[]>;
  refused(): Promise<RefusedEdit[]>;
  /** Called whenever the lists may have changed; returns the unsubscribe. */
  subscribe(callback: () => void): () => void;
  resolve(conflict: SyncConflict, choice: ConflictChoice): Promise<void>;
  dismiss(clientEditId: string): Promise<void>;
}
