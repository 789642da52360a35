// A whole programme read back as one JSON text built by PostgreSQL (one statement: every layer
// aggregated with json_agg), together with the change-log position it is valid at and (version 2)
// the revision of each record a device syncs (store/server-revisions.ts), so that a device's
// first edit of a record changed on the server before is based on the server's revision. Read in one
// repeatable-read transaction, so the layers and the cursor are of the same moment: writers of a
// programme are serialised by the change-log trigger, so a change not seen here has a higher seq.
import type { Pool } from 'pg';

export interface ProgrammeSnapshot {
  /** JSON of {format, version, programmeId, changeSeq, revisions: ServerRevisions, content: ProgrammeContent}. */
  json: string;
  changeSeq: number;
}

export const SNAPSHOT_FORMAT = 'fulv-programme-snapshot';
/** 2: with `revisions`. Version 1 had none (a device then starts every record at revision 1). */
export const SNAPSHOT_VERSION = 2;

// Up to 15 decimals: more than a double holds for a longitude, so coordinates come back as stored.
const GEOJSON = (column: string): string => `ST_AsGeoJSON(${column}, 15, 0)::json`;
// Optional members are left out rather than written as null, as the app writes them (so a
// tbxl published as null comes back absent: the column cannot tell the two apart).
const OPTIONAL = (...columns: string[]): string => columns
  .map((c) => `case when x.${c} is null then '{}'::jsonb else jsonb_build_object('${c}', x.${c}) end`).join(' || ');

const FEATURES = (from: string, properties: string, order = 'fid'): string => `json_build_object('type', 'FeatureCollection', 'features',
  (select coalesce(json_agg(json_build_object('type', 'Feature', 'properties', ${properties}, 'geometry', ${GEOJSON('geom')}) order by ${order}), '[]'::json) from ${from}))`;

const REVISIONS = (from: string, id = 'id'): string => `(select coalesce(json_object_agg(x.${id}, x.revision), '{}'::json) from ${from})`;

const CONTENT_SQL = `select json_build_object(
  'programme', json_build_object(
    'id', p.id, 'name', p.name, 'name_en', p.name_en, 'county', p.county,
    'townships', (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'name_en', t.name_en) order by t.fid), '[]'::json)
                  from townships t where t.programme_id = p.id),
    'mines', (select coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'name_en', m.name_en, 'mineral', m.mineral,
                'township_id', m.township_id, 'category', m.category, 'responsible_party', m.responsible_party,
                'location', json_build_array(ST_X(m.location), ST_Y(m.location))) order by m.fid), '[]'::json)
              from mines m where m.programme_id = p.id),
    'parcels', ${FEATURES('parcels x where x.programme_id = p.id', `jsonb_build_object('id', x.id, 'mine_id', x.mine_id, 'name', x.name,
        'damage_type', x.damage_type, 'direction', x.direction, 'status', x.status, 'tbdl', x.tbdl, 'note', x.note)
        || ${OPTIONAL('tbxl', 'source_attributes')}`)},
    'treated', ${FEATURES('treated x where x.programme_id = p.id and not x.deleted', `jsonb_build_object('id', x.id, 'parcel_id', x.parcel_id,
        'mine_id', x.mine_id, 'date', to_char(x.date, 'YYYY-MM-DD'), 'measure', x.measure, 'direction', x.direction,
        'surveyor', x.surveyor, 'note', x.note) || ${OPTIONAL('source_attributes')}`)},
    'zones', ${FEATURES('zones x where x.programme_id = p.id', `jsonb_build_object('id', x.id, 'name', x.name, 'name_en', x.name_en,
        'zone_type', x.zone_type, 'note', x.note) || ${OPTIONAL('source_attributes')}`)},
    'targets', (select tg.target_table from targets tg where tg.programme_id = p.id)
  ),
  'areaLevel', p.area_level,
  'bufferDistances', p.buffer_distances,
  'reviews', (select coalesce(json_agg(json_build_object('parcel_id', r.parcel_id, 'status', r.status, 'events', r.events) order by r.fid), '[]'::json)
              from reviews r where r.programme_id = p.id and r.events <> '[]'::jsonb)
)::text as content,
json_build_object(
  'treated', ${REVISIONS('treated x where x.programme_id = p.id and not x.deleted')},
  'photos', ${REVISIONS('photos x where x.programme_id = p.id and not x.removed')},
  -- An undone record (no events) too: the device keeps it as a record with no review at that revision.
  'reviews', ${REVISIONS('reviews x where x.programme_id = p.id', 'parcel_id')},
  'targets', (select tg.revision from targets tg where tg.programme_id = p.id),
  'settings', p.revision
)::text as revisions,
(select coalesce(max(seq), 0) from change_log c where c.programme_id = p.id) as change_seq
from programmes p where p.id = $1`;

/** The programme's snapshot, or null when there is no such programme. */
export async function readProgrammeSnapshot(pool: Pool, programmeId: string): Promise<ProgrammeSnapshot | null> {
  const client = await pool.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const { rows } = await client.query<{ content: string; revisions: string; change_seq: string }>(CONTENT_SQL, [programmeId]);
    await client.query('commit');
    const row = rows[0];
    if (!row) return null;
    const changeSeq = Number(row.change_seq);
    const head = JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, programmeId, changeSeq });
    return { json: `${head.slice(0, -1)},"revisions":${row.revisions},"content":${row.content}}`, changeSeq };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
