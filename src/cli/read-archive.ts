// A programme archive (.gpkg) read by the command line, with sql.js loaded from node_modules.
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { IoFailure } from '../io/io-result.ts';
import { readProgrammeArchive } from '../io/programme-archive/read-programme-archive.ts';

export class ArchiveFileError extends Error {}

export function describeFailure(failure: IoFailure): string {
  return `${failure.code}: ${failure.reason}`;
}

export async function readArchiveFile(path: string): Promise<ProgrammeContent> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new ArchiveFileError(`cannot read programme archive ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const content = readProgrammeArchive(await initSqlJs(), bytes);
  if (!content.ok) throw new ArchiveFileError(`programme archive ${path}: ${describeFailure(content)}`);
  return content.value;
}
