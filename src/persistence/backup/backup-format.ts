// The backup file: format "fulv-field-backup", version 1. A zip archive (open it with any unzip
// tool) holding
//   manifest.json  format, version, programme id and name, time, counts, one entry per image
//   treated.json   every treated-polygon record (live and deleted, with revisions)
//   photos.json    every photo record (attached and removed)
//   journal.json   the whole edit journal
//   reviews.json   every parcel's acceptance record (optional: absent in backups made before
//                  acceptance existed, which then restore with none)
//   targets.json   the edited target table record, or null (optional likewise)
//   images/<photo id>.<ext>   the image of every attached photo, stored uncompressed
// JSON is UTF-8; features are RFC 7946 GeoJSON. Reference layers (parcels, zones…) are not in it:
// they come from the programme's seed. Readers refuse a newer version rather than guess.
import type { PhotoRecord, TreatedRecord } from '../../store/field-records.ts';
import type { JournalEntry } from '../../store/journal-entry.ts';
import type { ReviewRecord, TargetsRecord } from '../../store/review-records.ts';

export const BACKUP_FORMAT = 'fulv-field-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_MEDIA_TYPE = 'application/zip';

export const BACKUP_FILES = { manifest: 'manifest.json', treated: 'treated.json', photos: 'photos.json', journal: 'journal.json' } as const;
/** Parts added after version 1 was first written; readers take their absence as "none". */
export const OPTIONAL_BACKUP_FILES = { reviews: 'reviews.json', targets: 'targets.json' } as const;
export const IMAGE_FOLDER = 'images/';

export interface BackupImage {
  /** The photo id. */
  id: string;
  /** Path inside the archive. */
  file: string;
  size: number;
  type: string;
  /** CRC-32 of the bytes, as an unsigned integer. */
  crc32: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  programme: { id: string; name: string };
  created_at: string;
  /** The database schema the backup was written from, for diagnosis. */
  schema_version: number;
  /** The last journal entry included. */
  through_seq: number;
  counts: { treated: number; photos: number; journal: number; images: number };
  images: BackupImage[];
}

export interface BackupContents {
  manifest: BackupManifest;
  treated: TreatedRecord[];
  photos: PhotoRecord[];
  journal: JournalEntry[];
  reviews: ReviewRecord[];
  targets: TargetsRecord | null;
  /** Image bytes by photo id. */
  images: Map<string, Uint8Array<ArrayBuffer>>;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'image/heif': 'heif', 'image/gif': 'gif',
};

export function imagePath(id: string, type: string): string {
  return `${IMAGE_FOLDER}${id}.${EXTENSIONS[type] ?? 'bin'}`;
}

/** e.g. "fulv-backup-QA-DEMO-20251114-0930.zip", in the device's local time. */
export function backupFileName(programmeId: string, at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `fulv-backup-${programmeId.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}.zip`;
}
