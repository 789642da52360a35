// Offline basemaps (PMTiles archives) kept in the browser, apart from the field database: in the
// Origin Private File System where the browser has it (a file per archive, read a range at a
// time), else in an IndexedDB database of their own. Both behind this one interface. The review's
// imagery files are kept the same way on a shelf of their own, each with its own description.
import type { PmtilesSummary } from '../../io/pmtiles/pmtiles-types.ts';

export type BasemapStorageKind = 'opfs' | 'indexeddb';

/** Where one kind of file is kept: its OPFS folder and file suffix, or its IndexedDB database. */
export interface StoreShelf {
  folder: string;
  suffix: string;
  database: string;
}

export const BASEMAP_SHELF: StoreShelf = { folder: 'fulv-basemaps', suffix: '.pmtiles', database: 'fulv-basemaps' };
export const IMAGERY_SHELF: StoreShelf = { folder: 'fulv-imagery', suffix: '.data', database: 'fulv-imagery' };

export interface StoredBasemap<S = PmtilesSummary> {
  id: string;
  /** The name of the file the user opened. */
  fileName: string;
  summary: S;
  /** ISO time it was added. */
  addedAt: string;
}

export interface BasemapStore<S = PmtilesSummary> {
  readonly kind: BasemapStorageKind;
  /** Oldest first. */
  list(): Promise<StoredBasemap<S>[]>;
  /** Stores the archive; rejects with BasemapStoreError, leaving nothing half-written behind. */
  add(file: Blob, fileName: string, summary: S, now?: Date): Promise<StoredBasemap<S>>;
  /** The archive's bytes (an OPFS File or an IndexedDB Blob), or null when it is gone. */
  file(id: string): Promise<Blob | null>;
  remove(id: string): Promise<void>;
}

export type BasemapStoreErrorCode = 'quota_exceeded' | 'write_failed' | 'unavailable';

export class BasemapStoreError extends Error {
  override readonly name = 'BasemapStoreError';
  constructor(readonly code: BasemapStoreErrorCode, message: string) {
    super(message);
  }
}

export function newBasemapId(now: Date): string {
  return `bm-${now.getTime().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** Quota errors come as DOMException 'QuotaExceededError' from both OPFS and IndexedDB. */
export function storeError(error: unknown, what: string): BasemapStoreError {
  if (error instanceof BasemapStoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  return name === 'QuotaExceededError'
    ? new BasemapStoreError('quota_exceeded', `There is not enough storage for ${what}: ${message}`)
    : new BasemapStoreError('write_failed', `Could not store ${what}: ${message}`);
}
