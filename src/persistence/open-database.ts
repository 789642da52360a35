// Opens (creating or upgrading) a field database. Written against a given IDBFactory rather
// than idb's openDB, which always uses the global indexedDB, so tests and embedders can pass
// their own. Handles the two multi-tab cases: our upgrade blocked by an older tab, and another
// tab's upgrade waiting for us (we close at once; every committed edit is already on disk).
import { wrap, type IDBPDatabase } from 'idb';
import { FieldStoreError, toFieldStoreError } from './field-store-error.ts';
import { runMigrations } from './migrations.ts';
import type { MigrationContext, UpgradeTransaction } from './migrations/migration.ts';
import { SCHEMA_VERSION, type FieldDB } from './schema.ts';

export interface BlockedUpgrade {
  currentVersion: number;
  requestedVersion: number;
  message: string;
}

export interface DatabaseEvents {
  /** Our upgrade waits for another tab that holds the old version open; opening resumes when it closes. */
  onBlocked?: (blocked: BlockedUpgrade) => void;
  /** Another tab is upgrading or deleting the database; this connection has been closed. */
  onClosedForUpgrade: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated: () => void;
}

function requestOutcome(request: IDBOpenDBRequest): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error ?? new DOMException('open failed', 'UnknownError')));
  });
}

export async function openFieldDatabase(factory: IDBFactory | undefined, name: string, events: DatabaseEvents, context: MigrationContext = {}): Promise<IDBPDatabase<FieldDB>> {
  if (!factory) throw new FieldStoreError('unsupported', 'This browser offers no IndexedDB (a private window?), so edits cannot be kept. Open Fulv in a normal window.');
  let migrationError: unknown = null;
  const request = factory.open(name, SCHEMA_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const transaction = request.transaction;
    if (!transaction) return;
    const upgrade = wrap(transaction) as unknown as UpgradeTransaction;
    // A failed upgrade is reported through the open request; idb's `done` would be unhandled.
    upgrade.done.catch(() => undefined);
    runMigrations(wrap(request.result), upgrade, event.oldVersion, event.newVersion ?? SCHEMA_VERSION, context).catch((error: unknown) => {
      migrationError = error;
      try {
        transaction.abort();
      } catch {
        // Already finished: the open request reports the failure.
      }
    });
  });
  request.addEventListener('blocked', (event) => {
    events.onBlocked?.({
      currentVersion: event.oldVersion,
      requestedVersion: event.newVersion ?? SCHEMA_VERSION,
      message: 'Fulv was updated and must upgrade its database, but another Fulv tab or window still has the old version open. Close or reload the other tabs; this one continues by itself. Nothing is lost.',
    });
  });
  let raw: IDBDatabase;
  try {
    raw = await requestOutcome(request);
  } catch (error) {
    if (migrationError !== null) {
      const detail = migrationError instanceof Error ? migrationError.message : String(migrationError);
      throw new FieldStoreError('migration_failed', `The database could not be upgraded, so it was left as it was: ${detail}`, [], { cause: migrationError });
    }
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new FieldStoreError('newer_schema', `This database was written by a newer version of Fulv (schema newer than ${SCHEMA_VERSION}). Reload the page to get the new version; your data is safe.`, [], { cause: error });
    }
    throw toFieldStoreError(error, 'the database (opening it)');
  }
  raw.addEventListener('versionchange', () => {
    raw.close();
    events.onClosedForUpgrade();
  });
  raw.addEventListener('close', () => events.onTerminated());
  return wrap(raw) as unknown as IDBPDatabase<FieldDB>;
}
