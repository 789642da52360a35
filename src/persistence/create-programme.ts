// Writes a new programme's database from a ProgrammeContent, in one transaction: every record is
// user data (no seed keys), so no demo update may replace any of it; treated polygons and
// acceptance records start at revision 1 with an empty journal and history.
import type { IDBPDatabase } from 'idb';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { BUFFER_DISTANCES_ID } from '../store/programme-settings.ts';
import type { ServerLink } from '../store/sync-records.ts';
import { writeTransaction } from './field-transaction.ts';
import { editStores, type FieldDB } from './schema.ts';
import { freshMeta } from './seed-programme.ts';

/** A team server's programme: where it lives there and the change-log seq its content is as of. */
export type ProgrammeLink = Pick<ServerLink, 'serverUrl' | 'serverProgrammeId' | 'cursor'>;

export function writeProgrammeContent(db: IDBPDatabase<FieldDB>, content: ProgrammeContent, at: Date, link?: ProgrammeLink): Promise<void> {
  return writeTransaction(db, editStores(), 'the new programme', async (transaction) => {
    const { treated, townships, mines, parcels, zones, ...header } = content.programme;
    await transaction.objectStore('programme').put(header, 'header');
    for (const record of townships) await transaction.objectStore('townships').put(record);
    for (const record of mines) await transaction.objectStore('mines').put(record);
    for (const record of parcels.features) await transaction.objectStore('parcels').put(record);
    for (const record of zones.features) await transaction.objectStore('zones').put(record);
    for (const feature of treated.features) await transaction.objectStore('treated').put({ id: feature.properties.id, revision: 1, feature });
    for (const review of content.reviews) await transaction.objectStore('reviews').put({ id: review.parcel_id, revision: 1, review });
    await transaction.objectStore('settings').put({ id: BUFFER_DISTANCES_ID, revision: 1, distances: content.bufferDistances });
    const meta = freshMeta(header.id);
    meta.areaLevel = content.areaLevel;
    meta.seededAt = at.toISOString();
    meta.clock = 1;
    await transaction.objectStore('meta').put(meta, 'field');
    if (link) await transaction.objectStore('sync_link').put({ ...link, deviceId: crypto.randomUUID(), lastSyncAt: null }, 'link');
  });
}
