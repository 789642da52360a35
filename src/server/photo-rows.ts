// Photos as the database holds them and as the app's rules see them (a Slot of PhotoMeta,
// store/photo.ts): metadata per photo, kept as a tombstone when removed, the bytes once per
// SHA-256 in photo_blobs. taken_at comes back in UTC (the same instant as recorded).
import type { Pool, PoolClient } from 'pg';
import type { PhotoMeta } from '../store/photo.ts';
import type { Slot } from '../store/slot.ts';

type Db = Pool | PoolClient;

interface PhotoRow {
  id: string;
  feature_id: string;
  taken_at: Date;
  lon: number | null;
  lat: number | null;
  accuracy_m: number | null;
  size: number;
  mime_type: string;
  name: string;
  slot: PhotoMeta['slot'] | null;
  sha256: Buffer;
  removed: boolean;
  revision: number;
}

const PHOTO_SELECT = `select id, feature_id, taken_at, ST_X(location) as lon, ST_Y(location) as lat, accuracy_m, size, mime_type, name,
  slot, sha256, removed, revision from photos`;

function photoMeta(row: PhotoRow): PhotoMeta | null {
  if (row.removed) return null;
  return {
    id: row.id, feature_id: row.feature_id, taken_at: row.taken_at.toISOString(),
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat, accuracy_m: row.accuracy_m },
    size: row.size, type: row.mime_type, name: row.name, ...(row.slot ? { slot: row.slot } : {}),
  };
}

export async function photoSlot(db: Db, programmeId: string, id: string, lock: boolean): Promise<Slot<PhotoMeta> & { sha256: string | null }> {
  const { rows } = await db.query<PhotoRow>(`${PHOTO_SELECT} where programme_id = $1 and id = $2${lock ? ' for update' : ''}`, [programmeId, id]);
  const row = rows[0];
  return row ? { revision: row.revision, value: photoMeta(row), sha256: row.sha256.toString('hex') } : { revision: 0, value: null, sha256: null };
}

export async function writePhoto(client: PoolClient, programmeId: string, exists: boolean, id: string, photo: PhotoMeta | null, sha256: string | null): Promise<number> {
  if (!photo) {
    const { rows } = await client.query<{ revision: number }>('update photos set removed = true where programme_id = $1 and id = $2 returning revision', [programmeId, id]);
    return rows[0]!.revision;
  }
  const values = [programmeId, id, photo.feature_id, photo.taken_at, photo.location?.lon ?? null, photo.location?.lat ?? null,
    photo.location?.accuracy_m ?? null, photo.size, photo.type, photo.name, photo.slot ?? null, Buffer.from(sha256!, 'hex')];
  const location = 'case when $5::float8 is null then null else ST_SetSRID(ST_Point($5, $6), 4490) end';
  const sql = exists
    ? `update photos set feature_id = $3, taken_at = $4, location = ${location}, accuracy_m = $7, size = $8, mime_type = $9, name = $10,
         slot = $11, sha256 = $12, removed = false where programme_id = $1 and id = $2 returning revision`
    : `insert into photos (programme_id, id, feature_id, taken_at, location, accuracy_m, size, mime_type, name, slot, sha256)
       values ($1, $2, $3, $4, ${location}, $7, $8, $9, $10, $11, $12) returning revision`;
  const { rows } = await client.query<{ revision: number }>(sql, values);
  return rows[0]!.revision;
}

/** The stored size of a blob, or null if no such bytes were uploaded. */
export async function blobSize(db: Db, sha256: string): Promise<number | null> {
  const { rows } = await db.query<{ size: number }>('select length(bytes) as size from photo_blobs where sha256 = $1', [Buffer.from(sha256, 'hex')]);
  return rows[0]?.size ?? null;
}

export async function storeBlob(db: Db, sha256: string, bytes: Buffer): Promise<void> {
  await db.query('insert into photo_blobs (sha256, bytes) values ($1, $2) on conflict (sha256) do nothing', [Buffer.from(sha256, 'hex'), bytes]);
}

/** The bytes, type and SHA-256 (hex) of a photo attached in the programme, or null. */
export async function photoContent(db: Db, programmeId: string, id: string): Promise<{ bytes: Buffer; type: string; sha256: string } | null> {
  const { rows } = await db.query<{ bytes: Buffer; mime_type: string; sha256: string }>(
    `select b.bytes, p.mime_type, encode(p.sha256, 'hex') as sha256 from photos p join photo_blobs b on b.sha256 = p.sha256
     where p.programme_id = $1 and p.id = $2 and not p.removed`, [programmeId, id]);
  return rows[0] ? { bytes: rows[0].bytes, type: rows[0].mime_type, sha256: rows[0].sha256 } : null;
}
