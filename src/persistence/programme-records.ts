// The programme's own records as a backup (version 2) or a ProgrammeContent carries them: the
// header, area level, buffer distances, which records came from the seed, and every township,
// mine, parcel and zone. Read inside whichever transaction needs them, so they match the edits
// read beside them.
import type { IDBPTransaction } from 'idb';
import { BUFFER_DISTANCES_ID } from '../store/programme-settings.ts';
import type { BackupProgramme } from './backup/backup-format.ts';
import type { EditStores, FieldDB } from './schema.ts';

export async function readProgrammeRecords<M extends IDBTransactionMode>(transaction: IDBPTransaction<FieldDB, EditStores, M>): Promise<BackupProgramme> {
  const [meta, header, distances, seedIds, townships, mines, parcels, zones] = await Promise.all([
    transaction.objectStore('meta').get('field'),
    transaction.objectStore('programme').get('header'),
    transaction.objectStore('settings').get(BUFFER_DISTANCES_ID),
    transaction.objectStore('seed_ids').getAllKeys(),
    transaction.objectStore('townships').getAll(),
    transaction.objectStore('mines').getAll(),
    transaction.objectStore('parcels').getAll(),
    transaction.objectStore('zones').getAll(),
  ]);
  if (!header) throw new Error('field database has no programme header; it was not seeded');
  return {
    header,
    area_level: meta?.areaLevel ?? 'county',
    buffer_distances: distances ?? null,
    seed_ids: seedIds,
    features: { townships, mines, parcels, zones },
  };
}
