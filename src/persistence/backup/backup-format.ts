// The backup file: format "fulv-field-backup", version 2. A zip archive (open it with any unzip
// tool) holding
//   manifest.json  format, version, programme id and name, time, counts, one entry per image
//   treated.json   every treated-polygon record (live and deleted, with revisions)
//   photos.json    every photo record (attached and removed)
//   journal.json   the whole edit journal
//   reviews.json   every parcel's acceptance record (optional: absent in backups made before
//                  acceptance existed, which then restore with none)
//   targets.json   the edited target table record, or null (optional likewise)
//   images/<photo id>.<ext>   the image of every attached photo, stored uncompressed
// and, since version 2, the whole programme:
//   programme.json header (name, county, targets as stated), area_level, buffer_distances
//                  record (or null), seed_ids (which records came from the seed, see
//                  persistence/seed-origin.ts; every other one is user data)
//   townships.json, mines.json   lists of records
//   parcels.json, zones.json     lists of GeoJSON features
// JSON is UTF-8; features are RFC 7946 GeoJSON. A version-1 backup carries no reference layers:
// they come from the programme's seed. Readers refuse a newer version rather than guess.
import type { PhotoRecord, TreatedRecord } from '../../store/field-records.ts';
import type { JournalEntry } from '../../store/journal-entry.ts';
import type { ReviewRecord, TargetsRecord } from '../../store/review-records.ts';
import type { ProgrammeAreaLevel } from '../../domain/programme-content.ts';
import type { BufferDistancesRecord } from '../../store/programme-settings.ts';
import type { ReferenceFeatures } from '../../store/reference-features.ts';
import type { ProgrammeHeader } from '../schema.ts';

export const BACKUP_FORMAT = 'fulv-field-backup';
export const BACKUP_VERSION = 2;
export const BACKUP_MEDIA_TYPE = 'application/zip';

export const BACKUP_FILES = { manifest: 'manifest.json', treated: 'treated.json', photos: 'photos.json', journal: 'journal.json' } as const;
/** Parts added after version 1 was first written; readers take their absence as "none". */
export const OPTIONAL_BACKUP_FILES = { reviews: 'reviews.json', targets: 'targets.json' } as const;
/** The programme's own data (version 2 on, required there). */
export const PROGRAMME_BACKUP_FILES = {
  programme: 'programme.json', townships: 'townships.json', mines: 'mines.json', parcels: 'parcels.json', zones: 'zones.json',
} as const;
export const IMAGE_FOLDER = 'images/';

export interface BackupProgrammePart {
  header: ProgrammeHeader;
  area_level: ProgrammeAreaLevel;
  buffer_distances: BufferDistancesRecord | null;
  /** Keys of the seed_ids store ("parcels/<id>", "programme/header"…). */
  seed_ids: string[];
}

/** A version-2 backup's programme: header, settings, origins and every reference record. */
export interface BackupProgramme extends BackupProgrammePart {
  features: ReferenceFeatures;
}

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
  counts: { treated: number; photos: number; journal: number; images: number; townships?: number; mines?: number; parcels?: number; zones?: number };
  images: BackupImage[];
}

export interface BackupContents {
  manifest: BackupManifest;
  treated: TreatedRecord[];
  photos: PhotoRecord[];
  journal: JournalEntry[];
  reviews: ReviewRecord[];
  targets: TargetsRecord | null;
  /** Version 2 on; null in a version-1 backup. */
  programme: BackupProgramme | null;
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
