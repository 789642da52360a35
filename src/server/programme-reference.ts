// What the app's attribute rules need to know about a programme (store/reference-context.ts),
// read from the database: its parcels and their mines and statuses, its mines and townships.
import type { PoolClient } from 'pg';
import type { ParcelStatus } from '../domain/model.ts';
import type { ReferenceContext } from '../store/reference-context.ts';

/**
 * The latest calendar date anywhere on Earth (UTC+14): the server may run in UTC while a surveyor
 * in China (UTC+8) records today's work, which must not count as a future date.
 */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3600 * 1000).toISOString().slice(0, 10);
}

export async function loadReferenceContext(client: PoolClient, programmeId: string, now: Date): Promise<ReferenceContext> {
  // One client runs one query at a time.
  const parcels = await client.query<{ id: string; mine_id: string; status: ParcelStatus }>('select id, mine_id, status from parcels where programme_id = $1', [programmeId]);
  const mines = await client.query<{ id: string }>('select id from mines where programme_id = $1', [programmeId]);
  const townships = await client.query<{ id: string }>('select id from townships where programme_id = $1', [programmeId]);
  return {
    today: latestToday(now),
    parcelMine: new Map(parcels.rows.map((p) => [p.id, p.mine_id])),
    mineIds: new Set(mines.rows.map((m) => m.id)),
    parcelStatus: new Map(parcels.rows.map((p) => [p.id, p.status])),
    townshipIds: new Set(townships.rows.map((t) => t.id)),
  };
}
