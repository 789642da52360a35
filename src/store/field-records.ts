// The stored form of the editable layers: one record per treated polygon or photo, kept after
// deletion as a tombstone (value null) so revisions keep growing and a reseed or a backup can
// tell "deleted by the surveyor" from "never existed". Stored in IndexedDB and in backups.
import type { TreatedFeature } from '../domain/model.ts';
import type { PhotoMeta } from './photo.ts';
import type { Slot } from './slot.ts';

export interface TreatedRecord {
  id: string;
  revision: number;
  /** null once deleted. */
  feature: TreatedFeature | null;
}

export interface PhotoRecord {
  id: string;
  revision: number;
  /** Kept on the record (not only in `photo`) so a removed photo still knows its polygon. */
  feature_id: string;
  /** null once removed. */
  photo: PhotoMeta | null;
}

export function treatedSlot(record: TreatedRecord | undefined): Slot<TreatedFeature> {
  return record ? { revision: record.revision, value: record.feature } : { revision: 0, value: null };
}

export function photoSlot(record: PhotoRecord | undefined): Slot<PhotoMeta> {
  return record ? { revision: record.revision, value: record.photo } : { revision: 0, value: null };
}
