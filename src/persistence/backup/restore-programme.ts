// Restores a backup as a programme this browser does not hold (deleted here, or made on another
// device): its database is created and filled from the backup in the same checked, all-or-nothing
// way as a restore into an existing programme, then it is entered in the registry. Only a
// version-2 backup carries a whole programme; a version-1 backup needs its programme present.
import { checkAreaGeometry, type GeometryChecker } from '../../store/geometry-check.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../../store/photo.ts';
import { localIsoDate } from '../../store/calendar-date.ts';
import { FieldStoreError } from '../field-store-error.ts';
import { writeTransaction } from '../field-transaction.ts';
import { openFieldDatabase } from '../open-database.ts';
import { fieldDatabaseName } from '../programme-database.ts';
import { deleteDatabase, type ProgrammeEntry, type ProgrammeRegistry } from '../programme-registry.ts';
import { freshMeta } from '../seed-programme.ts';
import { decodeBackup } from './backup-decoding.ts';
import { backupSafetyProblem } from './backup-safety.ts';
import type { BackupProgrammePart } from './backup-format.ts';
import { restoreBackup, restoreRefusal, type RestoreSummary } from './restore-backup.ts';

export interface NewProgrammeRules {
  now?: () => Date;
  checkGeometry?: GeometryChecker;
  maxPhotoBytes?: number;
}

const EMPTY_REFERENCE = { parcelMine: new Map<string, string>(), mineIds: new Set<string>() };

export async function restoreProgrammeFromBackup(registry: ProgrammeRegistry, bytes: Uint8Array, rules: NewProgrammeRules = {}): Promise<{ entry: ProgrammeEntry; summary: RestoreSummary }> {
  const unsafe = backupSafetyProblem(bytes);
  if (unsafe) throw restoreRefusal([unsafe]);
  const decoded = decodeBackup(bytes, null);
  if (!decoded.ok) throw restoreRefusal([{ field: 'file', code: decoded.code, params: decoded.params, reason: decoded.reason }]);
  const { id, name } = decoded.value.manifest.programme;
  if (await registry.get(id)) {
    throw new FieldStoreError('already_exists', `Programme “${name}” (${id}) is already on this browser: open it and restore the backup there. Nothing was changed.`);
  }
  const part = decoded.value.programme?.part as Partial<BackupProgrammePart> | undefined;
  if (!decoded.value.programme || !part?.header) {
    throw new FieldStoreError('no_programme', `This backup of “${name}” (${id}) was made by an older Fulv and holds only the field edits, not the programme itself; it can only be restored into that programme. Nothing was changed.`);
  }
  const now = rules.now ?? (() => new Date());
  const dbName = fieldDatabaseName(id);
  const db = await openFieldDatabase(registry.indexedDB, dbName, { onClosedForUpgrade: () => undefined, onTerminated: () => undefined });
  try {
    await writeTransaction(db, ['meta', 'programme'], 'the restored programme', async (transaction) => {
      await transaction.objectStore('meta').put(freshMeta(id), 'field');
      await transaction.objectStore('programme').put(part.header!, 'header');
    });
    const at = now();
    const backupRules = {
      reference: { ...EMPTY_REFERENCE, today: localIsoDate(at) }, now: at, maxPhotoBytes: rules.maxPhotoBytes ?? DEFAULT_MAX_PHOTO_BYTES, checkGeometry: rules.checkGeometry ?? checkAreaGeometry,
    };
    const { summary } = await restoreBackup(db, bytes, { id, name, seed: null }, backupRules);
    db.close();
    const demo = await registry.isDemoId(id);
    const entry = await registry.enter({ id, name: part.header.name, nameEn: part.header.name_en, areaLevel: part.area_level ?? 'county', demo });
    return { entry, summary };
  } catch (error) {
    db.close();
    await deleteDatabase(registry.indexedDB, dbName);
    throw error;
  }
}
