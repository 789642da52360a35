// Reads the small figures a snapshot carries besides the records: history depth, edits not yet
// in a backup, and the change clock, from inside whichever transaction just wrote or read.
import type { IDBPTransaction } from 'idb';
import type { FieldState, SyncState } from '../store/field-snapshot.ts';
import type { EditStores, FieldDB, FieldMeta } from './schema.ts';

export async function readFieldState<M extends IDBTransactionMode>(transaction: IDBPTransaction<FieldDB, EditStores, M>, meta: FieldMeta): Promise<FieldState> {
  const [undo, redo, unexportedCount, link, waiting, problems] = await Promise.all([
    transaction.objectStore('undo').count(),
    transaction.objectStore('redo').count(),
    transaction.objectStore('journal').count(IDBKeyRange.lowerBound(meta.lastExportedSeq, true)),
    transaction.objectStore('sync_link').get('link'),
    transaction.objectStore('outbox').count(),
    transaction.objectStore('sync_conflicts').getAll(),
  ]);
  const sync: SyncState | null = link ? {
    serverUrl: link.serverUrl,
    waiting,
    conflicts: problems.filter((p) => p.status === 'conflict').length,
    refused: problems.filter((p) => p.status === 'refused').length,
    lastSyncAt: link.lastSyncAt,
  } : null;
  return { clock: meta.clock, history: { undo, redo }, unexportedCount, sync };
}

export async function readMeta<M extends IDBTransactionMode>(transaction: IDBPTransaction<FieldDB, EditStores, M>): Promise<FieldMeta> {
  const meta = await transaction.objectStore('meta').get('field');
  // Opening seeds the database before anything else runs, so this is a programming error.
  if (!meta) throw new Error('field database has no meta record; it was not seeded');
  return meta;
}
