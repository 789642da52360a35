// The sync protocol between a device and the Fulv server (docs/sync-protocol.md explains it).
// Shared by the app's sync engine and the server, so both sides check the same shapes.
//
// A device keeps every edit it makes in an outbox (in the same IndexedDB transaction that stores
// it) and pushes the outbox in order. Each pushed edit carries a client-made id, so a repeated
// push (a retry after a lost answer) is answered "already applied", never applied twice. Each edit
// names the revision it was based on (store/edit.ts); the server applies it only on that revision,
// and otherwise answers with its current version so that the device can merge three ways (base:
// kept in the outbox; mine: the edit; theirs: the server's) or ask its user.
import type { Edit, EditLayer } from './edit.ts';

export const SYNC_PROTOCOL_VERSION = 1;

/** One outbox entry as pushed. */
export interface PushedEdit {
  /** Made on the device (a UUID); the server remembers it per programme forever. */
  clientEditId: string;
  edit: Edit;
  /** ISO 8601, the device's clock when the edit was made. */
  madeAt: string;
  /** For an add-photo edit: the SHA-256 (hex) of the photo's bytes, uploaded before the push. */
  sha256?: string;
}

export interface PushRequest {
  protocol: typeof SYNC_PROTOCOL_VERSION;
  /** Stable per browser profile and programme; names the device in the change log. */
  deviceId: string;
  /** In the order they were made; the server stops at the first edit that is not applied. */
  edits: PushedEdit[];
}

/** The current server version of one thing an edit wrote to, when the edit met a newer one. */
export interface ServerVersion {
  layer: EditLayer;
  id: string;
  revision: number;
  /** The thing's value now (a treated feature, a photo, a review…), null when deleted. */
  value: unknown;
  /** Who made the server's version, and when (ISO 8601). */
  who: string;
  at: string;
}

export type PushOutcome =
  | { clientEditId: string; status: 'applied'; seq: number; revisions: { layer: EditLayer; id: string; revision: number }[] }
  | { clientEditId: string; status: 'already_applied'; seq: number }
  /** Based on an old revision: nothing applied; the device merges or asks, then pushes a new edit. */
  | { clientEditId: string; status: 'conflict'; current: ServerVersion[] }
  /**
   * Against a rule (role, frozen work, validation): never retried as it is; the user is told why.
   * `current` is the server's version of each thing the edit writes (none for reference records),
   * which the device takes when its user dismisses the edit; absent from older servers.
   */
  | { clientEditId: string; status: 'refused'; code: string; message: string; current?: ServerVersion[] };

export interface PushResponse {
  /** One per pushed edit up to and including the first that was not applied; the rest wait. */
  outcomes: PushOutcome[];
}

/** One change in the programme's change log, as pulled. */
export interface PulledChange {
  seq: number;
  layer: EditLayer | 'parcels' | 'zones' | 'mines' | 'townships';
  id: string;
  revision: number;
  /** The value after the change; null when deleted. */
  value: unknown;
  /** The edit that made it, when a device pushed it; null for edits made in the database (QGIS). */
  clientEditId: string | null;
  /** The device that pushed it (its PushRequest.deviceId), so a device knows its own edits; null as above. */
  deviceId?: string | null;
  who: string;
  at: string;
}

export interface PullResponse {
  changes: PulledChange[];
  /** The cursor to pull from next time (the last seq included, or the request's when empty). */
  cursor: number;
  /** More changes wait beyond this page. */
  more: boolean;
}

/** The answer to a wait (GET …/sync/wait?since=N): the programme's last change-log seq. */
export interface WaitResponse {
  /** Beyond the `since` asked with when the programme changed; equal to it when the wait timed out. */
  latest: number;
}
