// Acceptance records as the database holds them and as the app's rules see them (a Slot of a
// ParcelReview): one row per reviewed parcel, locked while a step or a reopen is decided. A record
// whose first step was undone keeps its row with no events (a tombstone, as the app's store keeps
// one), so its revision keeps growing and an edit based on an older version is still caught.
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
  if (!row) return { revision: 0, value: null };
  return { revision: row.revision, value: row.events.length === 0 ? null : { parcel_id: parcelId, status: row.status, events: row.events } };
}

/** Removes the parcel's record (its first step undone), keeping the row as a tombstone with the parcel's recorded status. */
export async function removeReview(client: PoolClient, programmeId: string, parcelId: string): Promise<number> {
  const { rows } = await client.query<{ revision: number }>(
    `update reviews r set events = '[]'::jsonb, status = p.status from parcels p
     where r.programme_id = $1 and r.parcel_id = $2 and p.programme_id = r.programme_id and p.id = r.parcel_id returning r.revision`,
    [programmeId, parcelId],
  );
  return rows[0]!.revision;
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
