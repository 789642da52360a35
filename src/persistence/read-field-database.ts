// Reads a field database into the parts a snapshot is built from, each in one read-only
// transaction so the parts are mutually consistent.
import type { IDBPDatabase } from 'idb';
import type { PhotoRecord, TreatedRecord } from '../store/field-records.ts';
import type { FieldState, ReferenceLayers, ReviewContents } from '../store/field-snapshot.ts';
import { TARGETS_ID } from '../store/edit.ts';
import { BUFFER_DISTANCES_ID } from '../store/programme-settings.ts';
import type { JournalEntry } from '../store/journal-entry.ts';
import { readTransaction } from './field-transaction.ts';
import { readFieldState, readMeta } from './field-state.ts';
import { editStores, type FieldDB } from './schema.ts';
import { getAllInSlices } from './store-slices.ts';

export interface EditableContents {
  treated: Map<string, TreatedRecord>;
  photos: Map<string, PhotoRecord>;
  state: FieldState;
  review: ReviewContents;
}

export function readReferenceLayers(db: IDBPDatabase<FieldDB>): Promise<ReferenceLayers> {
  const stores: ('programme' | 'townships' | 'mines' | 'parcels' | 'zones')[] = ['programme', 'townships', 'mines', 'parcels', 'zones'];
  return readTransaction(db, stores, 'reading the programme', async (transaction) => {
    const [header, townships, mines, parcels, zones] = await Promise.all([
      transaction.objectStore('programme').get('header'),
      transaction.objectStore('townships').getAll(),
      transaction.objectStore('mines').getAll(),
      getAllInSlices(transaction.objectStore('parcels')),
      getAllInSlices(transaction.objectStore('zones')),
    ]);
    if (!header) throw new Error('field database has no programme header; it was not seeded');
    return {
      ...header,
      townships,
      mines,
      parcels: { type: 'FeatureCollection', features: parcels },
      zones: { type: 'FeatureCollection', features: zones },
    };
  });
}

export function readEditableContents(db: IDBPDatabase<FieldDB>): Promise<EditableContents> {
  return readTransaction(db, editStores(), 'reading the edits', async (transaction) => {
    const meta = await readMeta(transaction);
    const [treated, photos, state, reviews, targets, distances] = await Promise.all([
      getAllInSlices(transaction.objectStore('treated')),
      transaction.objectStore('photos').getAll(),
      readFieldState(transaction, meta),
      transaction.objectStore('reviews').getAll(),
      transaction.objectStore('targets').get(TARGETS_ID),
      transaction.objectStore('settings').get(BUFFER_DISTANCES_ID),
    ]);
    return {
      treated: new Map(treated.map((r) => [r.id, r])),
      photos: new Map(photos.map((r) => [r.id, r])),
      state,
      review: { reviews: new Map(reviews.map((r) => [r.id, r])), targets: targets ?? null, distances: distances ?? null },
    };
  });
}

/** The newest `limit` journal entries, newest first, for a history view. */
export function readJournal(db: IDBPDatabase<FieldDB>, limit: number): Promise<JournalEntry[]> {
  return readTransaction(db, ['journal'], 'reading the journal', async (transaction) => {
    const entries: JournalEntry[] = [];
    for (let cursor = await transaction.objectStore('journal').openCursor(null, 'prev'); cursor && entries.length < limit; cursor = await cursor.continue()) {
      entries.push(cursor.value);
    }
    return entries;
  });
}

export function readPhotoImage(db: IDBPDatabase<FieldDB>, photoId: string): Promise<Blob | null> {
  return readTransaction(db, ['photo_blobs'], 'reading the photo', async (transaction) => (await transaction.objectStore('photo_blobs').get(photoId))?.blob ?? null);
}
