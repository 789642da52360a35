// Writes a whole programme (domain/programme-content.ts) into the database: one statement per
// layer, the features passed as one JSON array that PostGIS unpacks, so a 50,000-parcel programme
// is a handful of round trips. The caller validates the content and owns the transaction.
import type { PoolClient } from 'pg';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { ReferenceFeatures } from '../store/reference-features.ts';

/** GeoJSON geometry (RFC 7946 lon/lat) as CGCS2000 geographic coordinates. */
export const GEOMETRY_FROM_JSON = (expression: string): string => `ST_SetSRID(ST_GeomFromGeoJSON(${expression}), 4490)`;

export async function insertProgrammeContent(client: PoolClient, content: ProgrammeContent): Promise<void> {
  const { programme } = content;
  const id = programme.id;
  await client.query(
    'insert into programmes (id, name, name_en, county, area_level, buffer_distances) values ($1, $2, $3, $4, $5, $6)',
    [id, programme.name, programme.name_en, programme.county, content.areaLevel, JSON.stringify(content.bufferDistances)],
  );
  await insertReferenceFeatures(client, id, { townships: programme.townships, mines: programme.mines, parcels: programme.parcels.features, zones: programme.zones.features });
  await client.query(
    `insert into treated (programme_id, id, parcel_id, mine_id, date, measure, direction, surveyor, note, source_attributes, geom)
     select $1, p->>'id', p->>'parcel_id', p->>'mine_id', (p->>'date')::date, p->>'measure', p->>'direction', coalesce(p->>'surveyor', ''),
            coalesce(p->>'note', ''), p->'source_attributes', ${GEOMETRY_FROM_JSON('f->\'geometry\'')}
     from jsonb_array_elements($2::jsonb) f, lateral (select f->'properties' as p) props`,
    [id, JSON.stringify(programme.treated.features)],
  );
  await client.query(
    `insert into reviews (programme_id, parcel_id, status, events)
     select $1, r->>'parcel_id', r->>'status', r->'events' from jsonb_array_elements($2::jsonb) r`,
    [id, JSON.stringify(content.reviews)],
  );
  await client.query('insert into targets (programme_id, target_table) values ($1, $2)', [id, JSON.stringify(programme.targets)]);
}

/** Townships, mines, parcels and zones into a programme (a publish, or an import pushed by a device). */
export async function insertReferenceFeatures(client: PoolClient, programmeId: string, features: ReferenceFeatures): Promise<void> {
  await client.query(
    `insert into townships (programme_id, id, name, name_en)
     select $1, t->>'id', t->>'name', coalesce(t->>'name_en', '') from jsonb_array_elements($2::jsonb) t`,
    [programmeId, JSON.stringify(features.townships)],
  );
  await client.query(
    `insert into mines (programme_id, id, name, name_en, mineral, township_id, category, responsible_party, location)
     select $1, m->>'id', m->>'name', coalesce(m->>'name_en', ''), coalesce(m->>'mineral', ''), m->>'township_id', m->>'category',
            m->>'responsible_party', ST_SetSRID(ST_Point((m->'location'->>0)::float8, (m->'location'->>1)::float8), 4490)
     from jsonb_array_elements($2::jsonb) m`,
    [programmeId, JSON.stringify(features.mines)],
  );
  await client.query(
    `insert into parcels (programme_id, id, mine_id, name, damage_type, direction, status, tbdl, tbxl, note, source_attributes, geom)
     select $1, p->>'id', p->>'mine_id', coalesce(p->>'name', ''), p->>'damage_type', p->>'direction', p->>'status', p->>'tbdl', p->>'tbxl',
            coalesce(p->>'note', ''), p->'source_attributes', ${GEOMETRY_FROM_JSON('f->\'geometry\'')}
     from jsonb_array_elements($2::jsonb) f, lateral (select f->'properties' as p) props`,
    [programmeId, JSON.stringify(features.parcels)],
  );
  await client.query(
    `insert into zones (programme_id, id, name, name_en, zone_type, note, source_attributes, geom)
     select $1, p->>'id', coalesce(p->>'name', ''), coalesce(p->>'name_en', ''), p->>'zone_type', coalesce(p->>'note', ''), p->'source_attributes',
            ${GEOMETRY_FROM_JSON('f->\'geometry\'')}
     from jsonb_array_elements($2::jsonb) f, lateral (select f->'properties' as p) props`,
    [programmeId, JSON.stringify(features.zones)],
  );
}
