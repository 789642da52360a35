// Treated polygons as the database holds them and as the app's edit rules see them (a Slot of a
// TreatedFeature, store/slot.ts): the row, its revision, null once deleted (tombstone).
import type { Pool, PoolClient } from 'pg';
import type { AreaGeometry, TreatedFeature } from '../domain/model.ts';
import type { Slot } from '../store/slot.ts';
import { GEOMETRY_FROM_JSON } from './programme-content-store.ts';

export interface TreatedRow {
  id: string;
  parcel_id: string | null;
  mine_id: string | null;
  date: string | null;
  measure: TreatedFeature['properties']['measure'];
  direction: TreatedFeature['properties']['direction'];
  surveyor: string;
  note: string;
  source_attributes: TreatedFeature['properties']['source_attributes'] | null;
  geometry: AreaGeometry | null;
  deleted: boolean;
  revision: number;
}

/** Enough decimals to give back every coordinate exactly as it was stored (doubles, ~1e-15°); option 0: no "crs" member (RFC 7946). */
const GEOJSON_DECIMALS = 15;

export const TREATED_SELECT = `select id, parcel_id, mine_id, to_char(date, 'YYYY-MM-DD') as date, measure, direction, surveyor, note,
  source_attributes, ST_AsGeoJSON(geom, ${GEOJSON_DECIMALS}, 0)::jsonb as geometry, deleted, revision from treated`;

export function treatedFeature(row: TreatedRow): TreatedFeature | null {
  if (row.deleted || !row.geometry || row.date === null) return null;
  const properties: TreatedFeature['properties'] = {
    id: row.id, parcel_id: row.parcel_id, mine_id: row.mine_id, date: row.date, measure: row.measure,
    direction: row.direction, surveyor: row.surveyor, note: row.note,
    ...(row.source_attributes ? { source_attributes: row.source_attributes } : {}),
  };
  return { type: 'Feature', geometry: row.geometry, properties };
}

/** The polygon's current state; with `lock`, locked until the transaction ends. */
export async function treatedSlot(db: Pool | PoolClient, programmeId: string, id: string, lock: boolean): Promise<Slot<TreatedFeature>> {
  const { rows } = await db.query<TreatedRow>(`${TREATED_SELECT} where programme_id = $1 and id = $2${lock ? ' for update' : ''}`, [programmeId, id]);
  const row = rows[0];
  return row ? { revision: row.revision, value: treatedFeature(row) } : { revision: 0, value: null };
}

export async function liveTreatedOfParcel(client: PoolClient, programmeId: string, parcelId: string): Promise<TreatedFeature[]> {
  const { rows } = await client.query<TreatedRow>(`${TREATED_SELECT} where programme_id = $1 and parcel_id = $2 and not deleted order by id`, [programmeId, parcelId]);
  return rows.map(treatedFeature).filter((f): f is TreatedFeature => f !== null);
}

/** Writes the polygon's next state (the trigger sets the revision); returns the stored revision. */
export async function writeTreated(client: PoolClient, programmeId: string, id: string, exists: boolean, feature: TreatedFeature | null): Promise<number> {
  if (!feature) {
    const { rows } = await client.query<{ revision: number }>(
      'update treated set deleted = true, geom = null where programme_id = $1 and id = $2 returning revision', [programmeId, id]);
    return rows[0]!.revision;
  }
  const p = feature.properties;
  const values = [programmeId, id, p.parcel_id, p.mine_id, p.date, p.measure, p.direction, p.surveyor, p.note,
    p.source_attributes === undefined ? null : JSON.stringify(p.source_attributes), JSON.stringify(feature.geometry)];
  const sql = exists
    ? `update treated set parcel_id = $3, mine_id = $4, date = $5, measure = $6, direction = $7, surveyor = $8, note = $9,
         source_attributes = $10, geom = ${GEOMETRY_FROM_JSON('$11')}, deleted = false
       where programme_id = $1 and id = $2 returning revision`
    : `insert into treated (programme_id, id, parcel_id, mine_id, date, measure, direction, surveyor, note, source_attributes, geom)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${GEOMETRY_FROM_JSON('$11')}) returning revision`;
  const { rows } = await client.query<{ revision: number }>(sql, values);
  return rows[0]!.revision;
}
