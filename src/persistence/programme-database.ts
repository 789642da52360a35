// Small facts about one programme's field database: its name, whether it holds a programme, and
// the buffer distances it starts with.
import type { IDBPDatabase } from 'idb';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import { BUFFER_DISTANCES_ID } from '../store/programme-settings.ts';
import { readTransaction, writeTransaction } from './field-transaction.ts';
import type { FieldDB } from './schema.ts';

/** One database per programme. */
export const fieldDatabaseName = (programmeId: string): string => `fulv-field-${programmeId}`;

/** True when the database holds this programme (its meta and header). */
export function storedProgrammeId(db: IDBPDatabase<FieldDB>, programmeId: string): Promise<boolean> {
  return readTransaction(db, ['meta', 'programme'], 'reading the programme', async (transaction) => {
    const meta = await transaction.objectStore('meta').get('field');
    const header = await transaction.objectStore('programme').getKey('header');
    return meta?.programmeId === programmeId && header !== undefined;
  });
}

/** Stores distances as the programme's unless it has some already (a record, even null, means a choice was stored). */
export function storeInitialDistances(db: IDBPDatabase<FieldDB>, distances: BufferDistances): Promise<void> {
  return writeTransaction(db, ['settings'], 'the buffer distances', async (transaction) => {
    const store = transaction.objectStore('settings');
    if ((await store.getKey(BUFFER_DISTANCES_ID)) !== undefined) return;
    await store.put({ id: BUFFER_DISTANCES_ID, revision: 1, distances });
  });
}
