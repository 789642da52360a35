// Writes a new programme's database from a ProgrammeContent, in one transaction: every record is
// user data (no seed keys), so no demo update may replace any of it; treated polygons and
// acceptance records start at revision 1 with an empty journal and history, or at the team
// server's revisions when it came from one (its snapshot carries them).
import type { IDBPDatabase } from 'idb';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { BUFFER_DISTANCES_ID } from '../store/programme-settings.ts';
import { TARGETS_ID } from '../store/edit.ts';
import type { ServerRevisions } from '../store/server-revisions.ts';
import type { ServerLink } from '../store/sync-records.ts';
import { writeTransaction } from './field-transaction.ts';
import { editStores, type FieldDB } from './schema.ts';
import { freshMeta } from './seed-programme.ts';

/**
 * A team server's programme: where it lives there, the change-log seq its content is as of and,
 * from a snapshot of version 2 on, the server's revision of each record.
 */
export type ProgrammeLink = Pick<ServerLink, 'serverUrl' | 'serverProgrammeId' | 'cursor'> & { revisions?: ServerRevisions };

export function writeProgrammeContent(db: IDBPDatabase<FieldDB>, content: ProgrammeContent, at: Date, link?: ProgrammeLink): Promise<void> {
  return writeTransaction(db, editStores(), 'the new programme', async (transaction) => {
    const { treated, townships, mines, parcels, zones, ...header } = content.programme;
    await transaction.objectStore('programme').put(header, 'header');
    for (const record of townships) await transaction.objectStore('townships').put(record);
    for (const record of mines) await transaction.objectStore('mines').put(record);
    for (const record of parcels.features) await transaction.objectStore('parcels').put(record);
    for (const record of zones.features) await transaction.objectStore('zones').put(record);
    const revisions = link?.revisions;
    for (const feature of treated.features) {
      const id = feature.properties.id;
      await transaction.objectStore('treated').put({ id, revision: revisions?.treated[id] ?? 1, feature });
    }
    for (const review of content.reviews) await transaction.objectStore('reviews').put({ id: review.parcel_id, revision: revisions?.reviews[review.parcel_id] ?? 1, review });
    // A record whose first step was undone on the server: none here either, at the server's revision.
    const reviewed = new Set(content.reviews.map((r) => r.parcel_id));
    for (const [id, revision] of Object.entries(revisions?.reviews ?? {})) {
      if (!reviewed.has(id)) await transaction.objectStore('reviews').put({ id, revision, review: null });
    }
    await transaction.objectStore('settings').put({ id: BUFFER_DISTANCES_ID, revision: revisions?.settings ?? 1, distances: content.bufferDistances });
    // The server's targets are the header's (table null: the programme's own), at the server's revision.
    if (revisions) await transaction.objectStore('targets').put({ id: TARGETS_ID, revision: revisions.targets, table: null });
    const meta = freshMeta(header.id);
    meta.areaLevel = content.areaLevel;
    meta.seededAt = at.toISOString();
    meta.clock = 1;
    await transaction.objectStore('meta').put(meta, 'field');
    if (link) {
      const { serverUrl, serverProgrammeId, cursor } = link;
      await transaction.objectStore('sync_link').put({ serverUrl, serverProgrammeId, cursor, deviceId: crypto.randomUUID(), lastSyncAt: null }, 'link');
    }
  });
}
