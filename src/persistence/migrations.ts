// The schema's history, oldest first. A new database runs every step, an old one the steps
// above its version, so there is one way to build each version and it is always exercised.
import type { IDBPDatabase } from 'idb';
import type { Migration, MigrationContext, UpgradeTransaction } from './migrations/migration.ts';
import { v1ProgrammeCache } from './migrations/v1-programme-cache.ts';
import { v2FieldEditing } from './migrations/v2-field-editing.ts';
import { v3Review } from './migrations/v3-review.ts';
import { v4ProgrammeData } from './migrations/v4-programme-data.ts';
import { v5SyncOutbox } from './migrations/v5-sync-outbox.ts';

export const MIGRATIONS: readonly Migration[] = [v1ProgrammeCache, v2FieldEditing, v3Review, v4ProgrammeData, v5SyncOutbox];

/** Runs the steps from `oldVersion` (exclusive) to `newVersion` (inclusive) inside the upgrade transaction. */
export async function runMigrations(db: IDBPDatabase, transaction: UpgradeTransaction, oldVersion: number, newVersion: number, context: MigrationContext = {}): Promise<void> {
  for (const migration of MIGRATIONS) {
    if (migration.version <= oldVersion || migration.version > newVersion) continue;
    try {
      await migration.upgrade(db, transaction, context);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`upgrading the database to version ${migration.version} (${migration.description}) failed: ${detail}`, { cause: error });
    }
  }
}
