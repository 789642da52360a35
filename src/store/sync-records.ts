// What a device keeps to sync a programme with a team server (stored in IndexedDB, schema 5).
// The outbox entry carries the values the edit was based on, so a conflict can be merged three
// ways (base: here; mine: the edit's result; theirs: the server's ServerVersion).
import type { Edit, EditLayer } from './edit.ts';
import type { ServerVersion } from './sync-protocol.ts';

/** The programme's link to a server: set when it was downloaded from or published to one. */
export interface ServerLink {
  /** The server's base URL, e.g. "https://fulv.example.org". */
  serverUrl: string;
  serverProgrammeId: string;
  /** Made once per browser profile and programme (a UUID). */
  deviceId: string;
  /** The last change-log seq pulled (PullResponse.cursor). */
  cursor: number;
  /** ISO 8601: the last time a push or pull reached the server. */
  lastSyncAt: string | null;
}

/** One slot's value at one revision (null: absent or deleted). */
export interface SlotValue {
  layer: EditLayer;
  id: string;
  revision: number;
  value: unknown;
}

export interface OutboxEntry {
  /** The journal seq of the edit: the outbox is pushed in this order. */
  seq: number;
  clientEditId: string;
  edit: Edit;
  /** ISO 8601. */
  madeAt: string;
  /** The slots the edit writes, as they were before it. */
  base: SlotValue[];
  /** The same slots after it, on this device. */
  mine: SlotValue[];
}

export interface SyncPushed {
  clientEditId: string;
  /** The server's change-log seq of the edit. */
  serverSeq: number;
}

/** An edit the server did not apply, kept aside (out of the outbox) until the user resolves it. */
export type SyncConflict = OutboxEntry & { at: string } & (
  | { status: 'conflict'; theirs: ServerVersion[] }
  | { status: 'refused'; code: string; message: string; theirs?: ServerVersion[] }
);
