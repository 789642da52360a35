// The field store's contract: what the UI and the sync engine may call, and what they get back.
// field-store.ts implements it.
import type { linkPublishedProgramme } from './sync/link-published.ts';
import type { ServerRevisions } from '../store/server-revisions.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { Programme } from '../domain/model.ts';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { Edit } from '../store/edit.ts';
import type { PhotoRecord, TreatedRecord } from '../store/field-records.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import type { GeometryChecker } from '../store/geometry-check.ts';
import type { JournalEntry } from '../store/journal-entry.ts';
import type { PhotoLocation, PhotoMeta, PhotoSlot } from '../store/photo.ts';
import type { PulledChange, PushOutcome } from '../store/sync-protocol.ts';
import type { OutboxEntry, ServerLink, SyncConflict } from '../store/sync-records.ts';
import type { BackupFile } from './backup/export-backup.ts';
import type { RestoreSummary } from './backup/restore-backup.ts';
import type { FieldStoreError } from './field-store-error.ts';
import type { BlockedUpgrade } from './open-database.ts';
import type { linkProgramme } from './sync/sync-storage.ts';

export interface FieldStoreOptions {
  /**
   * The programme that seeds the database (once; see store/reseed-policy.ts for newer versions).
   * Absent for a user programme (created here or restored from a backup): everything is read
   * from the database, which must then exist (else 'no_programme').
   */
  programme?: Programme;
  /** The programme to open when no seed is given. */
  programmeId?: string;
  /** Defaults to "fulv-field-<programme id>": one database per programme. */
  dbName?: string;
  /**
   * Buffer distances to store as the programme's when it has none yet (the distances the app
   * kept in localStorage before they were programme data); written once, not journaled.
   */
  initialBufferDistances?: BufferDistances | null;
  /** Identifies this seed version; defaults to a fingerprint of the programme's content. */
  seedVersion?: string;
  /** Defaults to the global indexedDB. */
  indexedDB?: IDBFactory;
  /** The clock for journal times and "date not in the future"; tests pass a fixed one. */
  now?: () => Date;
  maxPhotoBytes?: number;
  /** Geometry check for new and reshaped polygons and restored backups; defaults to GEOS in this thread. */
  checkGeometry?: GeometryChecker;
  /** Opening waits for another tab that holds an older database version; show this message meanwhile. */
  onBlocked?: (blocked: BlockedUpgrade) => void;
  /** Failures of background refreshes (after another tab's edit), which have no caller to reject. */
  onBackgroundError?: (error: FieldStoreError) => void;
}

export interface PhotoDetails {
  /** When the photo was taken; defaults to now. */
  takenAt?: Date;
  location?: PhotoLocation | null;
  /** Original file name; defaults to the File's name, if the image is a File. */
  name?: string;
  /** 治理前 / 治理后; absent for a free photo. */
  slot?: PhotoSlot;
}

/** What a committed change wrote: its journal entry and the new records (with their revisions). */
export interface Saved {
  seq: number;
  treated: readonly TreatedRecord[];
  photos: readonly PhotoRecord[];
}

export interface FieldStore {
  readonly dbName: string;
  readonly programmeId: string;
  getSnapshot(): FieldSnapshot;
  subscribe(listener: () => void): () => void;
  /** Applies an edit; resolves once it is on disk. */
  transact(edit: Edit, who: string): Promise<Saved>;
  undo(who: string): Promise<Saved>;
  redo(who: string): Promise<Saved>;
  /** Stores the image and attaches it to a treated polygon, in one transaction. */
  addPhoto(featureId: string, image: Blob, details: PhotoDetails, who: string): Promise<PhotoMeta>;
  removePhoto(photoId: string, who: string): Promise<Saved>;
  photoImage(photoId: string): Promise<Blob | null>;
  /** Newest first. */
  journal(limit?: number): Promise<JournalEntry[]>;
  exportBackup(): Promise<BackupFile>;
  /** The whole programme as one value (for a programme archive, publishing, a copy). */
  programmeContent(): Promise<ProgrammeContent>;
  /** Replaces the edits with a backup's, after checking all of it; a refused file changes nothing. */
  restoreBackup(file: Uint8Array | Blob): Promise<RestoreSummary>;
  /** Waits for queued changes, then closes. */
  close(): Promise<void>;
  /** The sync engine's access to the programme's link, outbox and pulled changes (sync/sync-storage.ts). */
  readonly sync: FieldSync;
}

/** Each call one transaction, queued with the edits; writes reach this tab's snapshot and other tabs. */
export interface FieldSync {
  link(): Promise<ServerLink | null>;
  linkTo(link: Parameters<typeof linkProgramme>[1]): Promise<void>;
  /**
   * Links the programme just published (sync/link-published.ts): takes the server's revisions,
   * queues its photos for upload, clears the undo history. `clock`: the snapshot's that was published.
   */
  linkPublished(link: Parameters<typeof linkPublishedProgramme>[1], revisions: ServerRevisions, clock: number): Promise<void>;
  outbox(limit: number): Promise<OutboxEntry[]>;
  conflicts(): Promise<SyncConflict[]>;
  recordPushOutcomes(outcomes: readonly PushOutcome[]): Promise<void>;
  applyPulledPage(changes: readonly PulledChange[], cursor: number): Promise<void>;
  /**
   * Removes a conflict or refusal its user has dealt with, in one transaction with the edits
   * that carry out the decision (journaled and into the outbox); a refusal's slots go back to
   * the server's version. Does nothing when it was settled already.
   */
  settle(clientEditId: string, resolution?: { edits: readonly Edit[]; who: string }): Promise<void>;
  /** The image of a photo, to upload before the edit that attaches it. */
  photoImage(photoId: string): Promise<Blob | null>;
  /** Attached photos (pulled from others) whose image this device lacks, at most `limit`. */
  photosWithoutImage(limit: number): Promise<PhotoMeta[]>;
  /** Stores a pulled photo's downloaded image, unless the photo changed meanwhile; whether it was stored. */
  storePhotoImage(photo: PhotoMeta, image: Blob): Promise<boolean>;
}
