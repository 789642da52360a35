// Checks the programme parts of a version-2 backup (header, settings, origins, every township,
// mine, parcel and zone) before anything is written, each problem naming the record.
import { PROGRAMME_AREA_LEVELS } from '../../domain/programme-content.ts';
import { editShapeProblems } from '../../store/edit-shape.ts';
import { BUFFER_DISTANCES_ID, bufferDistancesProblems } from '../../store/programme-settings.ts';
import { importProblems, type ReferenceFeatures } from '../../store/reference-features.ts';
import type { BackupProgramme } from './backup-format.ts';
import type { DecodedBackup } from './backup-decoding.ts';

type Report = (field: string, reason: string) => void;
type Fields = Partial<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkHeader(header: unknown, programmeId: string, report: Report): void {
  if (!isObject(header)) return report('the programme', 'has no header');
  if (header['id'] !== programmeId) report('the programme', `its header names programme ${JSON.stringify(header['id'])}, the manifest ${programmeId}`);
  for (const key of ['name', 'name_en', 'county']) if (typeof header[key] !== 'string') report('the programme', `its ${key} is not text`);
  const targets = header['targets'];
  if (!isObject(targets) || !Array.isArray(targets['rows']) || !Array.isArray(targets['stated_totals'])) report('the programme', 'its targets are not a target table');
}

function checkDistances(record: unknown, report: Report): void {
  if (record === null) return;
  if (!isObject(record) || record['id'] !== BUFFER_DISTANCES_ID || !(typeof record['revision'] === 'number' && Number.isInteger(record['revision']) && record['revision'] >= 1)) {
    return report('the buffer distances', 'the record has no valid id or revision');
  }
  for (const problem of bufferDistancesProblems(record['distances'])) report('the buffer distances', problem.reason);
}

/** null for a version-1 backup (no programme parts); otherwise the parts, problems reported. */
export function checkProgrammeParts(decoded: DecodedBackup, report: Report): BackupProgramme | null {
  const parts = decoded.programme;
  if (!parts) return null;
  const part = isObject(parts.part) ? parts.part : {};
  if (!isObject(parts.part)) report('programme.json', 'is not an object');
  checkHeader(part['header'], decoded.manifest.programme.id, report);
  if (!(PROGRAMME_AREA_LEVELS as readonly unknown[]).includes(part['area_level'])) report('the programme', `area level ${JSON.stringify(part['area_level'])} is not one of ${PROGRAMME_AREA_LEVELS.join(', ')}`);
  checkDistances(part['buffer_distances'] ?? null, report);
  const seedIds = part['seed_ids'];
  if (!Array.isArray(seedIds) || !seedIds.every((key) => typeof key === 'string')) report('the programme', 'its list of seed records is malformed');
  const features = { townships: parts.townships, mines: parts.mines, parcels: parts.parcels, zones: parts.zones };
  const shape = editShapeProblems({ kind: 'import-features', label: 'backup', features });
  for (const problem of shape) report('the programme', problem.reason);
  if (shape.length === 0) for (const reason of importProblems(features as unknown as ReferenceFeatures)) report('the programme', reason);
  return { ...(part as unknown as Omit<BackupProgramme, 'features'>), buffer_distances: (part['buffer_distances'] ?? null) as BackupProgramme['buffer_distances'], features: features as unknown as ReferenceFeatures };
}
