// Reads a backup archive as far as "is this a Fulv backup of this programme, in a version we
// read?". Each refusal names what is wrong in words a surveyor can pass on; the records inside
// are checked afterwards (backup-validation.ts).
import { strFromU8, type Unzipped } from 'fflate';
import { unzipEntries } from '../../io/zip-archive.ts';
import {
  BACKUP_FILES, BACKUP_FORMAT, BACKUP_VERSION, IMAGE_FOLDER, OPTIONAL_BACKUP_FILES, PROGRAMME_BACKUP_FILES, type BackupImage, type BackupManifest,
} from './backup-format.ts';

export interface DecodedBackup {
  manifest: BackupManifest;
  treated: unknown[];
  photos: unknown[];
  journal: unknown[];
  /** Empty when the backup has no reviews.json (made before acceptance existed). */
  reviews: unknown[];
  /** null when the backup has no targets.json or holds no edited targets. */
  targets: unknown;
  /** The programme's parts of a version-2 backup, unchecked; null in version 1. */
  programme: { part: unknown; townships: unknown[]; mines: unknown[]; parcels: unknown[]; zones: unknown[] } | null;
  files: Unzipped;
}

/** A decoding step's outcome; a refusal carries a code and values the UI translates. */
export type Refusal = { ok: false; reason: string; code: string; params: Readonly<Record<string, string | number>> };
export type Decoded<T> = { ok: true; value: T } | Refusal;

const accepted = <T>(value: T): Decoded<T> => ({ ok: true, value });

function refuse(code: string, params: Refusal['params'], reason: string): Refusal {
  return { ok: false, reason, code, params };
}

/** Far above any real backup; stops a hostile archive from inflating until the tab dies. */
const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;
const KNOWN_FILES: readonly string[] = [...Object.values(BACKUP_FILES), ...Object.values(OPTIONAL_BACKUP_FILES), ...Object.values(PROGRAMME_BACKUP_FILES)];

function unpack(bytes: Uint8Array): Decoded<Unzipped> {
  const unzipped = unzipEntries(bytes, {
    file: 'backup', maxUnzippedBytes: MAX_UNPACKED_BYTES,
    accept: (name) => KNOWN_FILES.includes(name) || name.startsWith(IMAGE_FOLDER),
  });
  if (unzipped.ok) return accepted(Object.fromEntries(unzipped.value.map((f) => [f.name, f.bytes])));
  if (unzipped.code === 'zip_too_large') return refuse('backup_not_zip', {}, `The file is not a Fulv backup: ${unzipped.reason.replace(/^unzipped, the archive/, 'unpacked, it')}.`);
  return refuse('backup_not_zip', {}, `The file is not a Fulv backup, or it is damaged: it is not a readable zip archive (${unzipped.reason}).`);
}

function readJson(files: Unzipped, name: string): Decoded<unknown> {
  const bytes = files[name];
  if (!bytes) return refuse('backup_missing_part', { name }, `The backup is incomplete: it has no ${name}.`);
  try {
    return accepted(JSON.parse(strFromU8(bytes)));
  } catch {
    return refuse('backup_bad_part', { name }, `The backup is damaged: ${name} is not valid JSON.`);
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isImage(value: unknown): value is BackupImage {
  if (typeof value !== 'object' || value === null) return false;
  const image = value as Partial<Record<keyof BackupImage, unknown>>;
  return typeof image.id === 'string' && typeof image.file === 'string' && image.file.startsWith(IMAGE_FOLDER)
    && isCount(image.size) && typeof image.type === 'string' && isCount(image.crc32);
}

function manifestShape(value: Record<string, unknown>): string | null {
  const programme = value['programme'] as Partial<Record<string, unknown>> | null | undefined;
  if (typeof programme !== 'object' || programme === null || typeof programme['id'] !== 'string' || typeof programme['name'] !== 'string') return 'it names no programme';
  if (typeof value['created_at'] !== 'string' || !isCount(value['through_seq']) || !isCount(value['schema_version'])) return 'its time or journal position is missing';
  const counts = value['counts'] as Partial<Record<string, unknown>> | null | undefined;
  if (typeof counts !== 'object' || counts === null || !['treated', 'photos', 'journal', 'images'].every((k) => isCount(counts[k]))) return 'its counts are missing';
  if (!Array.isArray(value['images']) || !value['images'].every(isImage)) return 'its image list is malformed';
  return null;
}

function readManifest(files: Unzipped, expected: { id: string; name: string } | null): Decoded<BackupManifest> {
  const parsed = readJson(files, BACKUP_FILES.manifest);
  if (!parsed.ok) return files[BACKUP_FILES.manifest] ? parsed : refuse('backup_not_fulv', {}, `The file is not a Fulv backup: it has no ${BACKUP_FILES.manifest}.`);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null) return refuse('backup_not_fulv', {}, 'The file is not a Fulv backup: its manifest is not an object.');
  const fields = value as Record<string, unknown>;
  if (fields['format'] !== BACKUP_FORMAT) return refuse('backup_not_fulv', {}, `The file is not a Fulv backup (its format is ${JSON.stringify(fields['format'] ?? null)}, expected "${BACKUP_FORMAT}").`);
  const version = fields['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse('backup_damaged_manifest', {}, `The backup's format version ${JSON.stringify(version)} is not valid.`);
  if (version > BACKUP_VERSION) {
    return refuse('backup_newer_format', { version, supported: BACKUP_VERSION }, `The backup was made by a newer Fulv (backup format version ${version}); this Fulv reads version ${BACKUP_VERSION}. Update Fulv, then restore.`);
  }
  const shape = manifestShape(fields);
  if (shape) return refuse('backup_damaged_manifest', {}, `The backup's manifest is damaged: ${shape}.`);
  const manifest = value as BackupManifest;
  if (expected && manifest.programme.id !== expected.id) {
    return refuse('backup_other_programme', { name: manifest.programme.name, id: manifest.programme.id, expectedName: expected.name, expectedId: expected.id },
      `The backup belongs to another programme: “${manifest.programme.name}” (${manifest.programme.id}), not “${expected.name}” (${expected.id}).`);
  }
  return accepted(manifest);
}

function readArray(files: Unzipped, name: string, expectedLength: number): Decoded<unknown[]> {
  const parsed = readJson(files, name);
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) return refuse('backup_bad_part', { name }, `The backup is damaged: ${name} is not a list.`);
  if (parsed.value.length !== expectedLength) {
    return refuse('backup_missing_part', { name }, `The backup is incomplete: ${name} has ${parsed.value.length} entries, the manifest says ${expectedLength}.`);
  }
  return accepted(parsed.value);
}

function readProgrammeParts(files: Unzipped, manifest: BackupManifest): Decoded<DecodedBackup['programme']> {
  if (manifest.version < 2) return accepted(null);
  const part = readJson(files, PROGRAMME_BACKUP_FILES.programme);
  if (!part.ok) return part;
  const lists: Record<'townships' | 'mines' | 'parcels' | 'zones', unknown[]> = { townships: [], mines: [], parcels: [], zones: [] };
  for (const layer of ['townships', 'mines', 'parcels', 'zones'] as const) {
    const expected = manifest.counts[layer];
    if (expected === undefined || !isCount(expected)) return refuse('backup_damaged_manifest', {}, `The backup's manifest is damaged: it does not count the ${layer}.`);
    const list = readArray(files, PROGRAMME_BACKUP_FILES[layer], expected);
    if (!list.ok) return list;
    lists[layer] = list.value;
  }
  return accepted({ part: part.value, ...lists });
}

/** `expected` null: any programme's backup (restoring a programme this browser no longer holds). */
export function decodeBackup(bytes: Uint8Array, expected: { id: string; name: string } | null): Decoded<DecodedBackup> {
  const files = unpack(bytes);
  if (!files.ok) return files;
  const manifest = readManifest(files.value, expected);
  if (!manifest.ok) return manifest;
  const { counts } = manifest.value;
  const treated = readArray(files.value, BACKUP_FILES.treated, counts.treated);
  if (!treated.ok) return treated;
  const photos = readArray(files.value, BACKUP_FILES.photos, counts.photos);
  if (!photos.ok) return photos;
  const journal = readArray(files.value, BACKUP_FILES.journal, counts.journal);
  if (!journal.ok) return journal;
  const reviews = files.value[OPTIONAL_BACKUP_FILES.reviews] ? readJson(files.value, OPTIONAL_BACKUP_FILES.reviews) : accepted([]);
  if (!reviews.ok) return reviews;
  if (!Array.isArray(reviews.value)) return refuse('backup_bad_part', { name: OPTIONAL_BACKUP_FILES.reviews }, `The backup is damaged: ${OPTIONAL_BACKUP_FILES.reviews} is not a list.`);
  const targets = files.value[OPTIONAL_BACKUP_FILES.targets] ? readJson(files.value, OPTIONAL_BACKUP_FILES.targets) : accepted(null);
  if (!targets.ok) return targets;
  const programme = readProgrammeParts(files.value, manifest.value);
  if (!programme.ok) return programme;
  return accepted({
    manifest: manifest.value, treated: treated.value, photos: photos.value, journal: journal.value, reviews: reviews.value, targets: targets.value,
    programme: programme.value, files: files.value,
  });
}
