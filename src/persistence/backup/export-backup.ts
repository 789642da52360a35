// Exports the whole programme (its records, settings and origins), the edits, the journal and
// the photos of a field database as one backup file, then
// records which journal entries it covers (so "edits not yet backed up" drops to zero). The
// read is one transaction, so the file is a consistent moment even while another tab edits;
// entries committed after that moment stay counted as not backed up.
import type { IDBPDatabase } from 'idb';
import { crc32 } from '../../lib/crc32.ts';
import { TARGETS_ID } from '../../store/edit.ts';
import type { FieldState } from '../../store/field-snapshot.ts';
import { FieldStoreError } from '../field-store-error.ts';
import { readFieldState, readMeta } from '../field-state.ts';
import { readTransaction, writeTransaction } from '../field-transaction.ts';
import { editStores, SCHEMA_VERSION, type FieldDB } from '../schema.ts';
import { readProgrammeRecords } from '../programme-records.ts';
import { encodeBackup } from './backup-encoding.ts';
import { BACKUP_FORMAT, BACKUP_MEDIA_TYPE, BACKUP_VERSION, backupFileName, imagePath, type BackupImage, type BackupManifest } from './backup-format.ts';

export interface BackupFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  mediaType: string;
  /** The last journal entry the file contains. */
  throughSeq: number;
  counts: BackupManifest['counts'];
}

function readForBackup(db: IDBPDatabase<FieldDB>) {
  return readTransaction(db, editStores(), 'the backup (reading)', async (transaction) => {
    const meta = await readMeta(transaction);
    const [treated, photos, journal, reviews, targets] = await Promise.all([
      transaction.objectStore('treated').getAll(),
      transaction.objectStore('photos').getAll(),
      transaction.objectStore('journal').getAll(),
      transaction.objectStore('reviews').getAll(),
      transaction.objectStore('targets').get(TARGETS_ID),
    ]);
    const blobs = new Map<string, Blob>();
    for (const record of photos) {
      if (!record.photo) continue;
      const stored = await transaction.objectStore('photo_blobs').get(record.id);
      if (!stored) throw new FieldStoreError('transaction_failed', `The image of photo ${record.id} is missing from the database, so no complete backup can be made. Remove that photo and export again.`);
      blobs.set(record.id, stored.blob);
    }
    const programme = await readProgrammeRecords(transaction);
    return { meta, treated, photos, journal, blobs, reviews, targets: targets ?? null, programme };
  });
}

export async function exportBackup(db: IDBPDatabase<FieldDB>, programme: { id: string; name: string }, at: Date): Promise<{ file: BackupFile; state: FieldState }> {
  const { meta, treated, photos, journal, blobs, reviews, targets, programme: records } = await readForBackup(db);
  const images = new Map<string, Uint8Array<ArrayBuffer>>();
  const listed: BackupImage[] = [];
  for (const record of photos) {
    const blob = record.photo ? blobs.get(record.id) : undefined;
    if (!record.photo || !blob) continue;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    images.set(record.id, bytes);
    listed.push({ id: record.id, file: imagePath(record.id, record.photo.type), size: bytes.length, type: record.photo.type, crc32: crc32(bytes) });
  }
  const throughSeq = meta.lastSeq;
  const { features } = records;
  const counts = {
    treated: treated.length, photos: photos.length, journal: journal.length, images: listed.length,
    townships: features.townships.length, mines: features.mines.length, parcels: features.parcels.length, zones: features.zones.length,
  };
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, programme, created_at: at.toISOString(), schema_version: SCHEMA_VERSION, through_seq: throughSeq, counts, images: listed,
  };
  const bytes = encodeBackup({ manifest, treated, photos, journal, reviews, targets, programme: records, images });
  const state = await writeTransaction(db, editStores(), 'the backup mark', async (transaction) => {
    const current = await readMeta(transaction);
    current.lastExportedSeq = Math.max(current.lastExportedSeq, throughSeq);
    current.lastExportedAt = at.toISOString();
    current.clock += 1;
    await transaction.objectStore('meta').put(current, 'field');
    return readFieldState(transaction, current);
  });
  return { file: { bytes, fileName: backupFileName(programme.id, at), mediaType: BACKUP_MEDIA_TYPE, throughSeq, counts }, state };
}
