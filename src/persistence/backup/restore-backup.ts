// Restores a backup by replacement: after it, the database's treated polygons, photos and
// journal are exactly the backup's, the undo/redo history is empty (its steps referred to the
// replaced state). A version-2 backup replaces the programme too (header, townships, mines,
// parcels, zones with their origins, buffer distances, area level); a version-1 backup leaves
// the reference layers untouched. Seed polygons the backup has never
// heard of (a newer seed) are added, as a reseed would. The file is checked completely first;
// a refused file changes nothing, and the replacement is one transaction. A journal entry may
// name a seed polygon the backup lacks: the restore adds it, so it exists afterwards.
import type { IDBPDatabase } from 'idb';
import type { Programme } from '../../domain/model.ts';
import type { TreatedRecord } from '../../store/field-records.ts';
import type { FieldState } from '../../store/field-snapshot.ts';
import { treatedToAdd } from '../../store/reseed-policy.ts';
import { asSentence, type Problem } from '../../store/problem.ts';
import { FieldStoreError } from '../field-store-error.ts';
import { readFieldState, readMeta } from '../field-state.ts';
import { writeTransaction } from '../field-transaction.ts';
import { editStores, REFERENCE_STORES, type EditTransaction, type FieldDB } from '../schema.ts';
import { decodeBackup } from './backup-decoding.ts';
import { backupSafetyProblem } from './backup-safety.ts';
import type { BackupContents, BackupProgramme } from './backup-format.ts';
import { validateBackup, type BackupRules } from './backup-validation.ts';

export interface RestoreSummary {
  treated: number;
  photos: number;
  journal: number;
  /** Seed polygons added because the backup did not know them. */
  seedAdded: number;
}

const SHOWN_PROBLEMS = 3;

function refused(problems: readonly Problem[]): FieldStoreError {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => p.reason.replace(/[.\s]+$/, '')).join('; ');
  const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more problems)` : '';
  const lead = problems[0]?.field === 'file' ? '' : 'The backup was refused: ';
  return new FieldStoreError('backup_refused', `${asSentence(`${lead}${shown}${more}`)} Nothing was changed.`, problems);
}

async function replaceProgramme(transaction: EditTransaction, programme: BackupProgramme): Promise<void> {
  for (const name of [...REFERENCE_STORES, 'seed_ids', 'settings'] as const) await transaction.objectStore(name).clear();
  await transaction.objectStore('programme').put(programme.header, 'header');
  for (const key of programme.seed_ids) await transaction.objectStore('seed_ids').put(key.slice(0, key.indexOf('/')), key);
  if (programme.buffer_distances) await transaction.objectStore('settings').put(programme.buffer_distances);
  const { features } = programme;
  for (const record of features.townships) await transaction.objectStore('townships').put(record);
  for (const record of features.mines) await transaction.objectStore('mines').put(record);
  for (const record of features.parcels) await transaction.objectStore('parcels').put(record);
  for (const record of features.zones) await transaction.objectStore('zones').put(record);
}

async function replaceContents(db: IDBPDatabase<FieldDB>, contents: BackupContents, seed: Programme | null, at: Date): Promise<{ summary: RestoreSummary; state: FieldState }> {
  return writeTransaction(db, editStores(), 'the restored backup', async (transaction) => {
    const meta = await readMeta(transaction);
    for (const name of ['treated', 'photos', 'photo_blobs', 'journal', 'undo', 'redo', 'reviews', 'targets'] as const) await transaction.objectStore(name).clear();
    if (contents.programme) {
      await replaceProgramme(transaction, contents.programme);
      meta.areaLevel = contents.programme.area_level;
    }
    for (const record of contents.reviews) await transaction.objectStore('reviews').put(record);
    if (contents.targets) await transaction.objectStore('targets').put(contents.targets);
    for (const record of contents.treated) await transaction.objectStore('treated').put(record);
    const additions = treatedToAdd(seed?.treated.features ?? [], new Set(contents.treated.map((r) => r.id)));
    for (const feature of additions) {
      const record: TreatedRecord = { id: feature.properties.id, revision: 1, feature };
      await transaction.objectStore('treated').put(record);
    }
    for (const record of contents.photos) await transaction.objectStore('photos').put(record);
    for (const [id, bytes] of contents.images) {
      const type = contents.photos.find((r) => r.id === id)?.photo?.type ?? 'application/octet-stream';
      await transaction.objectStore('photo_blobs').put({ id, blob: new Blob([bytes], { type }) });
    }
    for (const entry of contents.journal) await transaction.objectStore('journal').put(entry);
    const lastRestored = contents.journal.reduce((max, entry) => Math.max(max, entry.seq), 0);
    // Seqs keep growing past both histories, so an entry's seq is never reused.
    meta.lastSeq = Math.max(meta.lastSeq, lastRestored);
    meta.lastExportedSeq = meta.lastSeq;
    meta.restoredAt = at.toISOString();
    meta.clock += 1;
    await transaction.objectStore('meta').put(meta, 'field');
    const summary = { treated: contents.treated.length, photos: contents.photos.length, journal: contents.journal.length, seedAdded: additions.length };
    return { summary, state: await readFieldState(transaction, meta) };
  });
}

/** The programme restored into: its id and name, and its seed if it has one (whose polygons a restore adds when the backup lacks them). */
export interface RestoreTarget {
  id: string;
  name: string;
  seed: Programme | null;
}

export { refused as restoreRefusal };

export async function restoreBackup(
  db: IDBPDatabase<FieldDB>,
  bytes: Uint8Array,
  target: RestoreTarget,
  rules: BackupRules,
): Promise<{ summary: RestoreSummary; state: FieldState }> {
  const unsafe = backupSafetyProblem(bytes);
  if (unsafe) throw refused([unsafe]);
  const decoded = decodeBackup(bytes, { id: target.id, name: target.name });
  if (!decoded.ok) throw refused([{ field: 'file', code: decoded.code, params: decoded.params, reason: decoded.reason }]);
  const seed = target.seed;
  const kept = { treated: new Set((seed?.treated.features ?? []).map((f) => f.properties.id)) };
  const check = await validateBackup(decoded.value, rules, kept);
  if (!check.ok) throw refused(check.problems);
  return replaceContents(db, check.contents, seed, rules.now);
}
