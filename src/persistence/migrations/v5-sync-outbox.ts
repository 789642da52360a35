// Version 5: syncing with a team server. `sync_link` holds the programme's link to a server
// (absent: a programme of this browser only), `outbox` the edits waiting to be pushed (keyed by
// their journal seq, so they go in the order they were made), `sync_pushed` the ids of edits the
// server acknowledged (so that they are recognised when a pull brings them back) and
// `sync_conflicts` the edits the server did not apply, kept for the user. Nothing to convert:
// an existing programme is not linked, so its edits need no outbox.
import type { Migration } from './migration.ts';

export const v5SyncOutbox: Migration = {
  version: 5,
  description: 'sync: server link, outbox, acknowledged edits, conflicts',
  upgrade(db) {
    db.createObjectStore('sync_link');
    db.createObjectStore('outbox', { keyPath: 'seq' });
    db.createObjectStore('sync_pushed', { keyPath: 'clientEditId' });
    db.createObjectStore('sync_conflicts', { keyPath: 'clientEditId' });
    return Promise.resolve();
  },
};
