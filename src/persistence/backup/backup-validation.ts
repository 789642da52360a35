// Checks every record of a decoded backup with the same rules as a live edit: each treated
// polygon's attributes and geometry (structure and GEOS topology), each photo's metadata, size
// and checksum, each journal entry's shape. Everything is checked before anything is written,
// so a restore either takes the whole backup or changes nothing.
import { crc32 } from '../../lib/crc32.ts';
import type { PhotoRecord, TreatedRecord } from '../../store/field-records.ts';
import { TARGETS_ID } from '../../store/edit.ts';
import type { ReviewRecord, TargetsRecord } from '../../store/review-records.ts';
import { reviewProblems } from '../../store/review-validation.ts';
import { targetTableProblems } from '../../store/targets-validation.ts';
import type { GeometryChecker } from '../../store/geometry-check.ts';
import { journalEntryProblem, type JournalEntry } from '../../store/journal-entry.ts';
import { validatePhotoMeta } from '../../store/photo.ts';
import type { Problem } from '../../store/problem.ts';
import type { ReferenceContext } from '../../store/reference-context.ts';
import { FEATURE_ID, validateTreatedFeature } from '../../store/treated-validation.ts';
import type { BackupContents } from './backup-format.ts';
import type { DecodedBackup } from './backup-decoding.ts';
import { unknownReferenceProblems } from './backup-references.ts';
import { checkProgrammeParts } from './backup-programme-validation.ts';
import { referenceContext } from '../../store/reference-context.ts';

export interface BackupRules {
  reference: ReferenceContext;
  now: Date;
  maxPhotoBytes: number;
  checkGeometry: GeometryChecker;
}

export type BackupCheck = { ok: true; contents: BackupContents } | { ok: false; problems: Problem[] };

type Report = (field: string, reason: string) => void;

const isRevision = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

async function checkTreated(values: unknown[], rules: BackupRules, report: Report): Promise<TreatedRecord[]> {
  const records: TreatedRecord[] = [];
  const seen = new Set<string>();
  for (const [i, value] of values.entries()) {
    const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof TreatedRecord, unknown>>;
    const id = typeof record.id === 'string' && FEATURE_ID.test(record.id) ? record.id : null;
    const where = id ? `treated polygon ${id}` : `treated record ${i}`;
    if (!id) report(where, 'has no valid id');
    else if (seen.has(id)) report(where, 'appears twice');
    if (!isRevision(record.revision)) report(where, `revision ${JSON.stringify(record.revision)} is not a whole number ≥ 1`);
    if (record.feature !== null) {
      const featureProblems = validateTreatedFeature(record.feature, rules.reference);
      for (const problem of featureProblems) report(where, problem.reason);
      const feature = record.feature as { geometry?: unknown; properties?: { id?: unknown } };
      if (id && featureProblems.length === 0 && feature.properties?.id !== id) report(where, `its feature's id ${JSON.stringify(feature.properties?.id)} differs from the record's`);
      // Topology only once the structure is sound; GEOS cannot read a malformed ring.
      if (!featureProblems.some((p) => p.field === 'geometry' || p.field === 'feature')) {
        const topology = await rules.checkGeometry(feature.geometry);
        if (topology) report(where, topology.reason);
      }
    }
    if (id) seen.add(id);
    records.push(value as TreatedRecord);
  }
  return records;
}

function checkPhotos(decoded: DecodedBackup, treatedIds: ReadonlySet<string>, rules: BackupRules, report: Report): { photos: PhotoRecord[]; images: Map<string, Uint8Array<ArrayBuffer>> } {
  const images = new Map<string, Uint8Array<ArrayBuffer>>();
  const listed = new Map(decoded.manifest.images.map((image) => [image.id, image]));
  if (listed.size !== decoded.manifest.counts.images || listed.size !== decoded.manifest.images.length) {
    report('manifest', `lists ${decoded.manifest.images.length} images, counts ${decoded.manifest.counts.images}`);
  }
  const seen = new Set<string>();
  for (const [i, value] of decoded.photos.entries()) {
    const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof PhotoRecord, unknown>>;
    const id = typeof record.id === 'string' ? record.id : null;
    const where = id ? `photo ${id}` : `photo record ${i}`;
    if (!id || seen.has(id)) report(where, id ? 'appears twice' : 'has no id');
    if (id) seen.add(id);
    if (!isRevision(record.revision)) report(where, `revision ${JSON.stringify(record.revision)} is not a whole number ≥ 1`);
    if (typeof record.feature_id !== 'string' || !treatedIds.has(record.feature_id)) report(where, `belongs to treated polygon ${JSON.stringify(record.feature_id)}, which is not in the backup`);
    if (record.photo === null || !id) continue;
    for (const problem of validatePhotoMeta(record.photo, rules.maxPhotoBytes, rules.now)) report(where, problem.reason);
    const meta = record.photo as { id?: unknown; feature_id?: unknown; size?: unknown };
    if (meta.id !== id || meta.feature_id !== record.feature_id) report(where, 'its metadata names another photo or polygon than its record');
    const image = listed.get(id);
    const bytes = image ? decoded.files[image.file] : undefined;
    if (!image || !bytes) {
      report(where, 'its image is missing from the backup');
      continue;
    }
    if (bytes.length !== image.size || bytes.length !== meta.size) report(where, `its image has ${bytes.length} bytes, the backup lists ${image.size}`);
    else if (crc32(bytes) !== image.crc32) report(where, 'its image is damaged (checksum mismatch)');
    images.set(id, bytes);
  }
  return { photos: decoded.photos as PhotoRecord[], images };
}

function checkJournal(values: unknown[], report: Report): JournalEntry[] {
  let previous = 0;
  for (const [i, value] of values.entries()) {
    const problem = journalEntryProblem(value);
    if (problem) report(`journal entry ${i + 1}`, problem);
    else {
      const seq = (value as JournalEntry).seq;
      if (seq <= previous) report(`journal entry ${i + 1}`, `seq ${seq} is not after ${previous}`);
      previous = seq;
    }
  }
  return values as JournalEntry[];
}

function checkReviews(values: unknown[], rules: BackupRules, report: Report): ReviewRecord[] {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof ReviewRecord, unknown>>;
    const id = typeof record.id === 'string' ? record.id : null;
    const where = id ? `the acceptance record of parcel ${id}` : `acceptance record ${i + 1}`;
    if (!id || seen.has(id)) return void report(where, id ? 'appears twice' : 'has no parcel id');
    seen.add(id);
    if (!isRevision(record.revision)) report(where, `revision ${JSON.stringify(record.revision)} is not a whole number ≥ 1`);
    for (const problem of reviewProblems(id, record.review ?? null, rules.reference.parcelMine)) report(where, problem.reason);
  });
  return values as ReviewRecord[];
}

function checkTargets(value: unknown, rules: BackupRules, report: Report): TargetsRecord | null {
  if (value === null) return null;
  const record = (typeof value === 'object' ? value : {}) as Partial<Record<keyof TargetsRecord, unknown>>;
  if (record.id !== TARGETS_ID || !isRevision(record.revision)) report('the targets', 'the record has no valid id or revision');
  if (record.table !== null) for (const problem of targetTableProblems(record.table, rules.reference.townshipIds ?? new Set())) report('the targets', problem.reason);
  return value as TargetsRecord;
}

/** What a restore keeps beside the backup's records (the seed's treated polygons), which its history may name. */
export interface KeptFeatures {
  treated: ReadonlySet<string>;
}

/**
 * A version-2 backup brings its own programme, so its records are judged against that (its
 * parcels, mines and townships), not against what this device holds now.
 */
export async function validateBackup(decoded: DecodedBackup, given: BackupRules, kept: KeptFeatures): Promise<BackupCheck> {
  const problems: Problem[] = [];
  const report: Report = (field, reason) => void problems.push({ field, code: 'invalid_backup', reason: `${field}: ${reason}` });
  const programme = checkProgrammeParts(decoded, report);
  if (problems.length > 0) return { ok: false, problems };
  const rules: BackupRules = programme
    ? { ...given, reference: { ...referenceContext({ parcels: { type: 'FeatureCollection', features: [...programme.features.parcels] }, mines: [...programme.features.mines], townships: [...programme.features.townships] }, given.now), today: given.reference.today } }
    : given;
  const treated = await checkTreated(decoded.treated, rules, report);
  const { photos, images } = checkPhotos(decoded, new Set(treated.map((r) => r.id)), rules, report);
  const journal = checkJournal(decoded.journal, report);
  const reviews = checkReviews(decoded.reviews, rules, report);
  const targets = checkTargets(decoded.targets, rules, report);
  if (problems.length > 0) return { ok: false, problems };
  const known = { treated: new Set([...kept.treated, ...treated.map((r) => r.id)]), photos: new Set(photos.map((r) => r.id)), parcels: rules.reference.parcelMine };
  const unknown = unknownReferenceProblems(journal, reviews, known);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  return { ok: true, contents: { manifest: decoded.manifest, treated, photos, journal, reviews, targets, programme, images } };
}
