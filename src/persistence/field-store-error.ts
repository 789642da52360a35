// The one error type the field store rejects with. `code` is stable for the UI to branch on and
// translate; `message` is a complete English sentence that says what happened and whether
// anything was lost; `problems` lists per-field reasons for refused edits and backups.
import type { Problem } from '../store/problem.ts';

export const FIELD_STORE_ERRORS = [
  /** The edit's values are wrong (see problems); nothing was written. */
  'invalid_edit',
  /** The polygon or photo changed elsewhere since the edit's base revision; nothing was written. */
  'stale_revision',
  'not_found',
  'already_exists',
  /** A photo for a polygon that does not exist. */
  'no_parent',
  /** Imported records cannot be removed while treated work, an acceptance record or another record needs them. */
  'still_needed',
  'nothing_to_undo',
  'nothing_to_redo',
  /** The step to undo/redo conflicts with a later change made elsewhere; it was dropped from history. */
  'history_conflict',
  'photo_too_large',
  /** The browser's storage for this site is full; the transaction was rolled back. */
  'quota_exceeded',
  /** Any other failed transaction; rolled back. */
  'transaction_failed',
  /** The database on disk was written by a newer Fulv. */
  'newer_schema',
  'migration_failed',
  /** The database belongs to another programme than the one being opened. */
  'programme_mismatch',
  /** The store was closed (by close(), or so that another tab could upgrade the database). */
  'closed',
  /** A backup file was refused; nothing was changed. */
  'backup_refused',
  /** This browser lacks IndexedDB (e.g. some private modes). */
  'unsupported',
  /** The programme changed while it was being published, so it was not linked to the server. */
  'stale_publish',
  /** No programme of that id is stored on this browser (opening without a seed, restoring a v1 backup as a new programme). */
  'no_programme',
] as const;
export type FieldStoreErrorCode = (typeof FIELD_STORE_ERRORS)[number];

export class FieldStoreError extends Error {
  override readonly name = 'FieldStoreError';
  constructor(
    readonly code: FieldStoreErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Names browsers have used for "storage full" (Firefox before v70: NS_ERROR_DOM_QUOTA_REACHED). */
const QUOTA_NAMES = ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'];

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';
}

/** Turns whatever a failed transaction produced into a FieldStoreError; `doing` names the action. */
export function toFieldStoreError(error: unknown, doing: string): FieldStoreError {
  if (error instanceof FieldStoreError) return error;
  const name = errorName(error);
  if (QUOTA_NAMES.includes(name)) {
    return new FieldStoreError(
      'quota_exceeded',
      `Storage is full: the browser refused to save ${doing}. Nothing of it was written; everything saved earlier is intact. Export a backup, then free space (remove large photos, or other sites' data) and try again.`,
      [],
      { cause: error },
    );
  }
  if (name === 'InvalidStateError') {
    return new FieldStoreError('closed', `Could not save ${doing}: the database connection is closed. Reload the page; everything saved earlier is intact.`, [], { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new FieldStoreError('transaction_failed', `Could not save ${doing} (${name || 'error'}: ${detail}). Nothing of it was written.`, [], { cause: error });
}
