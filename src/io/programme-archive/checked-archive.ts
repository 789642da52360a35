// An archive that is known to open again: written, then read back with the same checks any
// archive meets, so that a programme holding a value the archive cannot carry (a required field
// missing, text where a code belongs) fails at export, with the reason, rather than at restore.
import type { SqlJsStatic } from 'sql.js';
import type { ProgrammeContent } from '../../domain/programme-content.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import { readProgrammeArchive } from './read-programme-archive.ts';
import { writeProgrammeArchive, type ArchiveWriteOptions } from './write-programme-archive.ts';

export function checkedProgrammeArchive(sql: SqlJsStatic, content: ProgrammeContent, options: ArchiveWriteOptions = {}): IoResult<Uint8Array> {
  const bytes = writeProgrammeArchive(sql, content, options);
  // The limits are the writer's, not a stranger's file's: what the programme holds, it may export.
  const back = readProgrammeArchive(sql, bytes, { maxBytes: Infinity, maxFeatures: Infinity, maxVertices: Infinity });
  if (!back.ok) return ioFail(back.code, `The programme cannot be written as an archive that opens again: ${back.reason}`);
  return { ok: true, value: bytes };
}
