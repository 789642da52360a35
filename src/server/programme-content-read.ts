// Reads a whole programme back as the one value the app knows (domain/programme-content.ts): the
// inverse of programme-content-store.ts, feature for feature in the order published, each
// geometry as it was given (a Polygon stays a Polygon), optional attributes absent when empty.
// Live treated polygons only; tombstones are the server's own bookkeeping.
import type { Pool, PoolClient } from 'pg';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type {
  AreaGeometry, Mine, ParcelFeature, Programme, SourceAttributes, TargetTable, Township, TreatedFeature, ZoneFeature, ZoneGeometry,
} from '../domain/model.ts';
import type { ProgrammeAreaLevel, ProgrammeContent } from '../domain/programme-content.ts';
import type { ParcelReview } from '../domain/review.ts';
import { TREATED_SELECT, treatedFeature, type TreatedRow } from './treated-rows.ts';

type Db = Pool | PoolClient;
type Row = Record<string, unknown>;

const GEOJSON = (column: string): string => `ST_AsGeoJSON(${column}, 15, 0)::json as geometry`;

function optional<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Record<K, V>);
}

export async function readProgrammeContent(db: Db, programmeId: string): Promise<ProgrammeContent | null> {
  const header = await db.query('select id, name, name_en, county, area_level, buffer_distances from programmes where id = $1', [programmeId]);
  const programmeRow = header.rows[0] as Row | undefined;
  if (!programmeRow) return null;
  const townships = await db.query<Township>('select id, name, name_en from townships where programme_id = $1 order by fid', [programmeId]);
  const mines = await db.query(
    `select id, name, name_en, mineral, township_id, category, responsible_party, ST_X(location) as lon, ST_Y(location) as lat
     from mines where programme_id = $1 order by fid`, [programmeId]);
  const parcels = await db.query(
    `select id, mine_id, name, damage_type, direction, status, tbdl, tbxl, note, source_attributes, ${GEOJSON('geom')}
     from parcels where programme_id = $1 order by fid`, [programmeId]);
  const zones = await db.query(
    `select id, name, name_en, zone_type, note, source_attributes, ${GEOJSON('geom')} from zones where programme_id = $1 order by fid`, [programmeId]);
  const treated = await db.query<TreatedRow>(`${TREATED_SELECT} where programme_id = $1 and not deleted order by fid`, [programmeId]);
  const reviews = await db.query<{ parcel_id: string; status: ParcelReview['status']; events: ParcelReview['events'] }>(
    "select parcel_id, status, events from reviews where programme_id = $1 and events <> '[]'::jsonb order by fid", [programmeId]);
  const targets = await db.query<{ target_table: TargetTable }>('select target_table from targets where programme_id = $1', [programmeId]);

  const programme: Programme = {
    id: programmeRow['id'] as string,
    name: programmeRow['name'] as string,
    name_en: programmeRow['name_en'] as string,
    county: programmeRow['county'] as string,
    townships: townships.rows.map((t) => ({ id: t.id, name: t.name, name_en: t.name_en })),
    mines: mines.rows.map((m: Row): Mine => ({
      id: m['id'] as string, name: m['name'] as string, name_en: m['name_en'] as string, mineral: m['mineral'] as string,
      township_id: m['township_id'] as string, category: m['category'] as Mine['category'],
      responsible_party: m['responsible_party'] as string | null, location: [m['lon'] as number, m['lat'] as number],
    })),
    parcels: {
      type: 'FeatureCollection',
      features: parcels.rows.map((p: Row): ParcelFeature => ({
        type: 'Feature',
        geometry: p['geometry'] as AreaGeometry,
        properties: {
          id: p['id'] as string, mine_id: p['mine_id'] as string, name: p['name'] as string,
          damage_type: p['damage_type'] as ParcelFeature['properties']['damage_type'],
          direction: p['direction'] as ParcelFeature['properties']['direction'],
          status: p['status'] as ParcelFeature['properties']['status'],
          tbdl: p['tbdl'] as string | null, ...optional('tbxl', p['tbxl'] as string | null), note: p['note'] as string,
          ...optional('source_attributes', p['source_attributes'] as SourceAttributes | null),
        },
      })),
    },
    treated: { type: 'FeatureCollection', features: treated.rows.map(treatedFeature).filter((f): f is TreatedFeature => f !== null) },
    zones: {
      type: 'FeatureCollection',
      features: zones.rows.map((z: Row): ZoneFeature => ({
        type: 'Feature',
        geometry: z['geometry'] as ZoneGeometry,
        properties: {
          id: z['id'] as string, name: z['name'] as string, name_en: z['name_en'] as string,
          zone_type: z['zone_type'] as ZoneFeature['properties']['zone_type'], note: z['note'] as string,
          ...optional('source_attributes', z['source_attributes'] as SourceAttributes | null),
        },
      })),
    },
    targets: targets.rows[0]?.target_table ?? { rows: [], stated_totals: [], source: '' },
  };
  return {
    programme,
    areaLevel: programmeRow['area_level'] as ProgrammeAreaLevel,
    bufferDistances: programmeRow['buffer_distances'] as BufferDistances,
    reviews: reviews.rows.map((r) => ({ parcel_id: r.parcel_id, status: r.status, events: r.events })),
  };
}
