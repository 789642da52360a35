// Acceptance records as the database holds them and as the app's rules see them (a Slot of a
// ParcelReview): one row per reviewed parcel, locked while a step or a reopen is decided.
import type { Pool, PoolClient } from 'pg';
import type { ParcelStatus } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { Slot } from '../store/slot.ts';

/** The parcel's record; with `lock`, locked until the transaction ends. */
export async function reviewSlot(db: Pool | PoolClient, programmeId: string, parcelId: string, lock: boolean): Promise<Slot<ParcelReview>> {
  const { rows } = await db.query<{ status: ParcelStatus; events: ParcelReview['events']; revision: number }>(
    `select status, events, revision from reviews where programme_id = $1 and parcel_id = $2${lock ? ' for update' : ''}`,
    [programmeId, parcelId],
  );
  const row = rows[0];
  return row ? { revision: row.revision, value: { parcel_id: parcelId, status: row.status, events: row.events } } : { revision: 0, value: null };
}

/** Writes the parcel's next record; returns its revision (the trigger sets it). */
export async function writeReview(client: PoolClient, programmeId: string, review: ParcelReview): Promise<number> {
  const { rows } = await client.query<{ revision: number }>(
    `insert into reviews (programme_id, parcel_id, status, events) values ($1, $2, $3, $4)
     on conflict (programme_id, parcel_id) do update set status = excluded.status, events = excluded.events
     returning revision`,
    [programmeId, review.parcel_id, review.status, JSON.stringify(review.events)],
  );
  return rows[0]!.revision;
}

/** The status the programme records for the parcel (before any acceptance step), or null if no such parcel. */
export async function recordedParcelStatus(client: PoolClient, programmeId: string, parcelId: string): Promise<ParcelStatus | null> {
  const { rows } = await client.query<{ status: ParcelStatus }>('select status from parcels where programme_id = $1 and id = $2', [programmeId, parcelId]);
  return rows[0]?.status ?? null;
}
