// One step of the schema's history. Steps see the database as the previous version left it,
// so they use idb's untyped interface: the typed FieldDB only describes the current version.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Programme } from '../../domain/model.ts';

export type UpgradeTransaction = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;

/** What the opener knows beyond the database: the seed it is opened with, if any. */
export interface MigrationContext {
  seed?: Programme | undefined;
}

export interface Migration {
  /** The version this step produces; steps run in order for every version above the old one. */
  version: number;
  description: string;
  /** Only IndexedDB requests may be awaited: any other await would end the upgrade transaction. */
  upgrade(db: IDBPDatabase, transaction: UpgradeTransaction, context: MigrationContext): Promise<void>;
}
