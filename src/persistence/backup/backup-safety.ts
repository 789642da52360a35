// Two refusals made before a backup is read at all. A backup written from a newer database
// schema may hold records this Fulv would misread, so it is refused with "update Fulv" rather
// than half understood. An entry whose name is absolute or climbs out of the archive (`../`) is
// what a crafted zip uses to write outside its folder; Fulv unpacks in memory only, but such a
// file is not one Fulv wrote, and trusting the rest of it would be a guess.
import { strFromU8, unzipSync } from 'fflate';
import type { Problem } from '../../store/problem.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { BACKUP_FILES } from './backup-format.ts';

export const NEWER_SCHEMA = 'backup_newer_schema';
export const UNSAFE_ENTRY = 'backup_unsafe_entry';

/** Absolute (`/x`, `\x`, `C:x`) or with a `..` segment, under either separator. */
export function isUnsafeEntryName(name: string): boolean {
  return /^[/\\]/.test(name) || /^[A-Za-z]:/.test(name) || name.split(/[/\\]/).includes('..');
}

function entryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
  } catch {
    return null;
  }
  return names;
}

function manifestOf(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const manifest = unzipSync(bytes, { filter: (file) => file.name === BACKUP_FILES.manifest })[BACKUP_FILES.manifest];
    const value: unknown = manifest ? JSON.parse(strFromU8(manifest)) : null;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const unsafe = (name: string): Problem => ({
  field: 'file', code: UNSAFE_ENTRY, params: { name },
  reason: `The backup was refused: it holds an entry named ${JSON.stringify(name)}, which is absolute or climbs out of the archive; Fulv never writes such a name`,
});

/** Why this archive must not be read further, or null (a damaged file is left to the decoder to describe). */
export function backupSafetyProblem(bytes: Uint8Array): Problem | null {
  const names = entryNames(bytes);
  if (!names) return null;
  const badEntry = names.find(isUnsafeEntryName);
  if (badEntry !== undefined) return unsafe(badEntry);
  const manifest = manifestOf(bytes);
  const images = Array.isArray(manifest?.['images']) ? (manifest['images'] as unknown[]) : [];
  const badImage = images.map((image) => (image as { file?: unknown } | null)?.file).find((file) => typeof file === 'string' && isUnsafeEntryName(file));
  if (typeof badImage === 'string') return unsafe(badImage);
  const schema = manifest?.['schema_version'];
  if (typeof schema === 'number' && schema > SCHEMA_VERSION) {
    return {
      field: 'file', code: NEWER_SCHEMA, params: { schema, supported: SCHEMA_VERSION },
      reason: `The backup was refused: it comes from a newer Fulv (database schema ${schema}); this Fulv has schema ${SCHEMA_VERSION}. Update Fulv, then restore`,
    };
  }
  return null;
}
