// The stored form of acceptance records and edited targets, revisioned like treated polygons so
// that an edit based on an out-of-date view (another tab accepted first) is refused. Stored in
// IndexedDB (schema version 3) and in backups.
import type { TargetTable } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { Slot } from './slot.ts';

export interface ReviewRecord {
  /** The parcel id. */
  id: string;
  revision: number;
  /** null when never reviewed or after the first step was undone. */
  review: ParcelReview | null;
}

export interface TargetsRecord {
  /** Always TARGETS_ID. */
  id: string;
  revision: number;
  /** null: the programme's own targets apply. */
  table: TargetTable | null;
}

export function reviewSlot(record: ReviewRecord | undefined): Slot<ParcelReview> {
  return record ? { revision: record.revision, value: record.review } : { revision: 0, value: null };
}

export function targetsSlot(record: TargetsRecord | undefined): Slot<TargetTable> {
  return record ? { revision: record.revision, value: record.table } : { revision: 0, value: null };
}
