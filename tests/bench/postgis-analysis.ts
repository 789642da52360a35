// The analysis as PostGIS computes it, for the bench: the programme loaded into tables (SRID 4490,
// indexed; not timed), then one query per variant in one session, timed by the backend's own CPU
// (utime + stime from /proc/self/stat read through pg_read_file before and after, since the
// server process does the work) and its peak memory (VmHWM). Zones are given as the engine's
// own per-zone buffers, so both sides overlay the same polygons and the figures can be compared
// to 1e-6; PostGIS is spared the buffering, which the engine's time includes.
import type { Feature, Geometry } from 'geojson';
import { validateGeometry } from '../../src/domain/geometry-validation.ts';
import { geosToPacked } from '../../src/domain/geos/geos-geometry.ts';
import type { Geos } from '../../src/domain/geos/geos-loader.ts';
import type { BufferDistances } from '../../src/domain/buffer-presets.ts';
import { unpackGeometry } from '../../src/domain/packed-geometry.ts';
import { zoneBuffer } from '../../src/domain/protection-buffers.ts';
import type { Programme } from '../../src/domain/model.ts';
import type { PostgisCluster } from './postgis-cluster.ts';

export type Variant = 'exact' | 'subdivided';

export interface PostgisParcel {
  id: string;
  area: number;
  by_type: Record<string, number>;
  overlap: number;
  treated: number;
  zones: string[];
}

export interface PostgisRun {
  cpuSeconds: number;
  peakMb: number;
  parcels: PostgisParcel[];
  outside: number;
}

function rows(features: readonly Feature[], columns: (f: Feature) => string[]): string {
  return features.map((f) => [...columns(f), JSON.stringify(f.geometry)].join('\t')).join('\n');
}

function copy(table: string, columns: string, data: string): string {
  return `COPY ${table} (${columns}) FROM STDIN;\n${data}\n\\.\n`;
}

/** The per-zone buffers the engine builds, as GeoJSON. */
function zoneBuffers(geos: Geos, programme: Programme, distances: BufferDistances): Feature[] {
  return programme.zones.features.flatMap((zone) => {
    const check = validateGeometry(zone.geometry, 'zone');
    const buffer = check.valid ? zoneBuffer(geos, check.packed, distances[zone.properties.zone_type]) : null;
    if (!buffer) return [];
    const packed = geosToPacked(geos, buffer);
    geos.GEOSGeom_destroy(buffer);
    return packed ? [{ type: 'Feature', properties: { id: zone.properties.id, zone_type: zone.properties.zone_type }, geometry: unpackGeometry(packed) as Geometry }] : [];
  });
}

export function loadProgramme(db: PostgisCluster, geos: Geos, programme: Programme, distances: BufferDistances): void {
  const prop = (f: Feature, key: string): string => String((f.properties as Record<string, unknown>)[key]);
  db.psql(`
SET client_min_messages = warning;
DROP TABLE IF EXISTS parcels, treated, buffers;
CREATE TABLE parcels (id text PRIMARY KEY, gj text, geom geometry);
CREATE TABLE treated (id text PRIMARY KEY, date text, gj text, geom geometry);
CREATE TABLE buffers (zone_id text, zone_type text, gj text, geom geometry);
${copy('parcels', 'id, gj', rows(programme.parcels.features, (f) => [prop(f, 'id')]))}
${copy('treated', 'id, date, gj', rows(programme.treated.features, (f) => [prop(f, 'id'), prop(f, 'date')]))}
${copy('buffers', 'zone_id, zone_type, gj', rows(zoneBuffers(geos, programme, distances), (f) => [prop(f, 'id'), prop(f, 'zone_type')]))}
UPDATE parcels SET geom = ST_SetSRID(ST_GeomFromGeoJSON(gj), 4490), gj = NULL;
UPDATE treated SET geom = ST_SetSRID(ST_GeomFromGeoJSON(gj), 4490), gj = NULL;
UPDATE buffers SET geom = ST_SetSRID(ST_GeomFromGeoJSON(gj), 4490), gj = NULL;
CREATE INDEX ON parcels USING gist (geom);
CREATE INDEX ON treated USING gist (geom);
CREATE INDEX ON buffers USING gist (geom);
VACUUM ANALYZE parcels; VACUUM ANALYZE treated; VACUUM ANALYZE buffers;
`);
}

const AREA = (g: string): string => `ST_Area((${g})::geography, true)`;

// Shared by both variants: treated area per parcel (parcel ∩ union of the treated under it), the
// zones whose buffer shares area with the parcel, and treated area outside parcels per cluster of
// treated polygons (ST_ClusterDBSCAN with eps 0 groups polygons that meet).
const TREATED = `coalesce((SELECT ${AREA('ST_Intersection(p.geom, ST_Union(t.geom))')} FROM treated t WHERE ST_Intersects(t.geom, p.geom)), 0)`;
const ZONES = `(SELECT coalesce(array_agg(b.zone_id ORDER BY b.zone_id), '{}') FROM buffers b WHERE ST_Intersects(b.geom, p.geom) AND ST_Relate(p.geom, b.geom, 'T********'))`;
const OUTSIDE = `SELECT coalesce(sum(${AREA(`ST_Difference(c.g, coalesce((SELECT ST_Union(p.geom) FROM parcels p WHERE ST_Intersects(p.geom, c.g)), 'SRID=4490;POLYGON EMPTY'::geometry))`)}), 0)
  FROM (SELECT ST_Union(geom) AS g FROM (SELECT geom, ST_ClusterDBSCAN(geom, 0, 1) OVER () AS cid FROM treated) s GROUP BY cid) c`;

const QUERIES: Record<Variant, string> = {
  // Each parcel against each type's dissolved buffer and against all types dissolved, as written
  // by the book: ST_Intersection with the whole union.
  exact: `
CREATE TEMP TABLE result AS
WITH tu AS MATERIALIZED (SELECT zone_type, ST_Union(geom) AS g FROM buffers GROUP BY zone_type),
     au AS MATERIALIZED (SELECT ST_Union(g) AS g FROM tu)
SELECT p.id, ${AREA('p.geom')} AS area,
  (SELECT coalesce(json_object_agg(tu.zone_type, ${AREA('ST_Intersection(p.geom, tu.g)')}), '{}'::json) FROM tu WHERE ST_Intersects(p.geom, tu.g)) AS by_type,
  coalesce((SELECT ${AREA('ST_Intersection(p.geom, au.g)')} FROM au WHERE ST_Intersects(p.geom, au.g)), 0) AS overlap,
  ${TREATED} AS treated, ${ZONES} AS zones
FROM parcels p;`,
  // As a GIS professional would: the dissolved buffers cut by ST_Subdivide into indexed pieces of
  // at most 256 vertices, a parcel inside a piece taking its own area without an overlay.
  subdivided: `
CREATE TEMP TABLE sub AS SELECT zone_type, ST_Subdivide(ST_Union(geom), 256) AS g FROM buffers GROUP BY zone_type;
CREATE TEMP TABLE suball AS SELECT ST_Subdivide(ST_Union(geom), 256) AS g FROM buffers;
CREATE INDEX ON sub USING gist (g);
CREATE INDEX ON suball USING gist (g);
ANALYZE sub; ANALYZE suball;
CREATE TEMP TABLE result AS
SELECT p.id, ${AREA('p.geom')} AS area,
  (SELECT coalesce(json_object_agg(x.zone_type, x.a), '{}'::json) FROM (
     SELECT s.zone_type, sum(CASE WHEN ST_CoveredBy(p.geom, s.g) THEN ${AREA('p.geom')} ELSE ${AREA('ST_Intersection(p.geom, s.g)')} END) AS a
     FROM sub s WHERE ST_Intersects(p.geom, s.g) GROUP BY s.zone_type) x) AS by_type,
  coalesce((SELECT sum(CASE WHEN ST_CoveredBy(p.geom, s.g) THEN ${AREA('p.geom')} ELSE ${AREA('ST_Intersection(p.geom, s.g)')} END)
     FROM suball s WHERE ST_Intersects(p.geom, s.g)), 0) AS overlap,
  ${TREATED} AS treated, ${ZONES} AS zones
FROM parcels p;`,
};

function ticks(stat: string): number {
  // Fields after the parenthesised command name: utime and stime are the 14th and 15th overall.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const CLOCK_TICKS = 100;

export function runPostgis(db: PostgisCluster, variant: Variant): PostgisRun {
  const out = db.psql(`
SELECT 'cpu0 ' || replace(pg_read_file('/proc/self/stat'), E'\\n', '');
${QUERIES[variant]}
CREATE TEMP TABLE outside AS ${OUTSIDE};
SELECT 'cpu1 ' || replace(pg_read_file('/proc/self/stat'), E'\\n', '');
SELECT 'peak ' || substring(pg_read_file('/proc/self/status') from 'VmHWM:\\s*(\\d+)');
SELECT 'json ' || replace(json_build_object('parcels', (SELECT json_agg(r ORDER BY r.id) FROM result r), 'outside', (SELECT * FROM outside))::text, E'\n', ' ');
`);
  const line = (tag: string): string => {
    const found = out.split('\n').find((l) => l.startsWith(`${tag} `));
    if (!found) throw new Error(`psql printed no ${tag} line:\n${out.slice(0, 2000)}`);
    return found.slice(tag.length + 1);
  };
  const json = JSON.parse(line('json')) as { parcels: PostgisParcel[] | null; outside: number };
  return {
    cpuSeconds: (ticks(line('cpu1')) - ticks(line('cpu0'))) / CLOCK_TICKS,
    peakMb: Number(line('peak')) / 1024,
    parcels: json.parcels ?? [],
    outside: json.outside,
  };
}
