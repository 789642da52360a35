// The programme archive in the browser: the programme written to one GeoPackage file to download,
// and a chosen .gpkg file read back, with sql.js loaded on first use as for MBTiles
// (load-sql-js.ts: its WebAssembly is one of the app's own files, so this works offline).
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { exportFileTitle, localDay } from '../io/export/export-file-title.ts';
import { DEFAULT_IMPORT_LIMITS, megabytes } from '../io/import-limits.ts';
import { ioFail, type IoResult } from '../io/io-result.ts';
import { checkedProgrammeArchive } from '../io/programme-archive/checked-archive.ts';
import { readProgrammeArchive } from '../io/programme-archive/read-programme-archive.ts';
import { loadSqlJs } from './load-sql-js.ts';

/** The media type registered for GeoPackage (OGC 12-128, Annex G). */
export const PROGRAMME_ARCHIVE_TYPE = 'application/geopackage+sqlite3';

export interface ProgrammeArchiveFile {
  /** The programme's name and the day, e.g. 迁安市…演示方案_2026-12-07.gpkg. */
  name: string;
  bytes: Uint8Array;
  mediaType: string;
}

/** The archive to download; it is read back before it is offered, so a refusal comes now, not at restore. */
export async function programmeArchiveFile(content: ProgrammeContent, now = new Date()): Promise<IoResult<ProgrammeArchiveFile>> {
  const bytes = checkedProgrammeArchive(await loadSqlJs(), content, { now });
  if (!bytes.ok) return bytes;
  return { ok: true, value: { name: `${exportFileTitle(content.programme.name, '', localDay(now))}.gpkg`, bytes: bytes.value, mediaType: PROGRAMME_ARCHIVE_TYPE } };
}

/** A chosen file read as a programme archive; its size is checked before it is read into memory. */
export async function openProgrammeArchive(file: Blob): Promise<IoResult<ProgrammeContent>> {
  if (file.size > DEFAULT_IMPORT_LIMITS.maxBytes) {
    return ioFail('file_too_large', `The archive is ${megabytes(file.size)}, over the limit of ${megabytes(DEFAULT_IMPORT_LIMITS.maxBytes)}.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readProgrammeArchive(await loadSqlJs(), bytes);
}
