// The IndexedDB schema of a field database (one database per programme).
//
// ⚠ This is a contract with every database already on a surveyor's phone. Never change a store,
// key path, index or record shape in place: raise SCHEMA_VERSION and add a step to
// migrations.ts that converts the old form, with a test that opens a database written the old
// way (tests/unit/persistence/migrations.test.ts).
import type { DBSchema, IDBPTransaction } from 'idb';
import type { Mine, ParcelFeature, Programme, Township, ZoneFeature } from '../domain/model.ts';
import type { ProgrammeAreaLevel } from '../domain/programme-content.ts';
import type { BufferDistancesRecord } from '../store/programme-settings.ts';
import type { Edit } from '../store/edit.ts';
import type { PhotoRecord, TreatedRecord } from '../store/field-records.ts';
import type { ReviewRecord, TargetsRecord } from '../store/review-records.ts';
import type { JournalEntry } from '../store/journal-entry.ts';
import type { OutboxEntry, ServerLink, SyncConflict, SyncPushed } from '../store/sync-records.ts';

export const SCHEMA_VERSION = 5;

export interface FieldMeta {
  programmeId: string;
  /** Fingerprints of the seed versions applied, oldest first (see store/reseed-policy.ts). */
  seedsApplied: string[];
  seededAt: string | null;
  /** Grows by one with every committed write, in any tab; orders snapshot reloads. */
  clock: number;
  /** The last journal seq handed out. */
  lastSeq: number;
  /** The last undo/redo step key handed out. */
  lastStep: number;
  /** Journal entries up to this seq are in an exported backup. */
  lastExportedSeq: number;
  lastExportedAt: string | null;
  restoredAt: string | null;
  /** The administrative level of the programme's area (version 4; absent reads as 'county'). */
  areaLevel?: ProgrammeAreaLevel;
}

export type ProgrammeHeader = Pick<Programme, 'id' | 'name' | 'name_en' | 'county' | 'targets'>;

/** One undo or redo step: the edit that performs it, and the journal entry it came from. */
export interface HistoryEntry {
  step: number;
  edit: Edit;
  seq: number;
}

export interface PhotoBlobRecord {
  id: string;
  blob: Blob;
}

export interface FieldDB extends DBSchema {
  meta: { key: 'field'; value: FieldMeta };
  programme: { key: 'header'; value: ProgrammeHeader };
  townships: { key: string; value: Township };
  mines: { key: string; value: Mine };
  parcels: { key: string; value: ParcelFeature };
  zones: { key: string; value: ZoneFeature };
  treated: { key: string; value: TreatedRecord };
  photos: { key: string; value: PhotoRecord; indexes: { feature_id: string } };
  /** Image bytes, apart from the metadata so that reading the photo list never loads images. */
  photo_blobs: { key: string; value: PhotoBlobRecord };
  journal: { key: number; value: JournalEntry };
  undo: { key: number; value: HistoryEntry };
  redo: { key: number; value: HistoryEntry };
  /** Acceptance records, one per reviewed parcel (version 3). */
  reviews: { key: string; value: ReviewRecord };
  /** The edited target table, if any, under the key TARGETS_ID (version 3). */
  targets: { key: string; value: TargetsRecord };
  /**
   * Which reference records came from the seed (version 4): one key per record,
   * "<layer>/<id>" (layer townships, mines, parcels or zones; "programme/header" for the
   * header), value the layer. Every reference record without a key here is user data, which a
   * reseed never touches. See store/reference-origin.ts.
   */
  seed_ids: { key: string; value: string };
  /** Programme settings (version 4): the buffer distances under BUFFER_DISTANCES_ID. */
  settings: { key: string; value: BufferDistancesRecord };
  /** The programme's link to a team server under the key 'link' (version 5); absent when not linked. */
  sync_link: { key: 'link'; value: ServerLink };
  /** Edits waiting to be pushed, by journal seq (version 5); written with the edit, only when linked. */
  outbox: { key: number; value: OutboxEntry };
  /** Edits the server acknowledged, until a pull brings them back (version 5). */
  sync_pushed: { key: string; value: SyncPushed };
  /** Edits the server did not apply (conflict or refused), for the user to resolve (version 5). */
  sync_conflicts: { key: string; value: SyncConflict };
}

export const REFERENCE_STORES = ['programme', 'townships', 'mines', 'parcels', 'zones'] as const;
const EDIT_STORES = [
  'meta', 'treated', 'photos', 'photo_blobs', 'journal', 'undo', 'redo', 'reviews', 'targets', 'settings', 'seed_ids', 'sync_link', 'outbox', 'sync_pushed', 'sync_conflicts', ...REFERENCE_STORES,
] as const;
export type EditStores = Array<(typeof EDIT_STORES)[number]>;
/** Every store an edit, undo, redo or restore may touch (imports change the reference layers); one transaction spans them all. */
export const editStores = (): EditStores => [...EDIT_STORES];
export type EditTransaction = IDBPTransaction<FieldDB, EditStores, 'readwrite'>;
