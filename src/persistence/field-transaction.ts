// The only way this layer touches the database: a function run inside one transaction, whose
// promise settles after the transaction's `complete` (the data is on disk) or after it was
// rolled back. A thrown error, a refused request or a failed commit all end in an abort, so a
// write is all or nothing, and the caller gets a FieldStoreError saying which.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { toFieldStoreError } from './field-store-error.ts';
import type { FieldDB } from './schema.ts';

type Stores = StoreNames<FieldDB>[];

function abortQuietly(transaction: { abort(): void }): void {
  try {
    transaction.abort();
  } catch {
    // Already committed or aborted by the failing request itself.
  }
}

async function run<S extends Stores, M extends IDBTransactionMode, T>(
  transaction: IDBPTransaction<FieldDB, S, M>,
  doing: string,
  work: (transaction: IDBPTransaction<FieldDB, S, M>) => Promise<T>,
): Promise<T> {
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    abortQuietly(transaction);
    await transaction.done.catch(() => undefined);
    throw toFieldStoreError(error, doing);
  }
}

/**
 * A read-write transaction with strict durability: Chromium's default ("relaxed") reports
 * complete before the OS has flushed, and "saved" must survive the browser being killed.
 */
export function writeTransaction<S extends Stores, T>(
  db: IDBPDatabase<FieldDB>,
  stores: S,
  doing: string,
  work: (transaction: IDBPTransaction<FieldDB, S, 'readwrite'>) => Promise<T>,
): Promise<T> {
  let transaction: IDBPTransaction<FieldDB, S, 'readwrite'>;
  try {
    transaction = db.transaction(stores, 'readwrite', { durability: 'strict' });
  } catch (error) {
    return Promise.reject(toFieldStoreError(error, doing));
  }
  return run(transaction, doing, work);
}

export function readTransaction<S extends Stores, T>(
  db: IDBPDatabase<FieldDB>,
  stores: S,
  doing: string,
  work: (transaction: IDBPTransaction<FieldDB, S, 'readonly'>) => Promise<T>,
): Promise<T> {
  let transaction: IDBPTransaction<FieldDB, S, 'readonly'>;
  try {
    transaction = db.transaction(stores, 'readonly');
  } catch (error) {
    return Promise.reject(toFieldStoreError(error, doing));
  }
  return run(transaction, doing, work);
}
