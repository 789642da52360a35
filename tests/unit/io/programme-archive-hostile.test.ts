// Hostile and mistaken programme archives: each is refused with its own code and a message that
// says what is wrong and where, and nothing in the file is run. The broken archives are made from
// a good one by plain SQL on a copy (the changes are the test's, not the reader's).
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IoErrorCode } from '../../../src/io/io-result.ts';
import { geometryBlob } from '../../../src/io/programme-archive/geopackage-binary.ts';
import { readProgrammeArchive } from '../../../src/io/programme-archive/read-programme-archive.ts';
import { writeProgrammeArchive } from '../../../src/io/programme-archive/write-programme-archive.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';
import { sampleContent, DEMO_FILES } from '../../helpers/programme-content.ts';

let sql: SqlJsStatic;
let good: Uint8Array;
beforeAll(async () => {
  sql = await initSqlJs();
  good = writeProgrammeArchive(sql, sampleContent());
});

/** The good archive changed by `statements` (run on a copy). */
function changed(...statements: (string | [string, (Uint8Array | string | number | null)[]])[]): Uint8Array {
  const db = new sql.Database(good);
  for (const s of statements) {
    if (typeof s === 'string') db.run(s);
    else db.run(s[0], s[1]);
  }
  const bytes = db.export();
  db.close();
  return bytes;
}

function expectRefused(bytes: Uint8Array, code: IoErrorCode, message: RegExp, limits = {}): void {
  const result = readProgrammeArchive(sql, bytes, limits);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result).toMatchObject({ code });
  expect(result.reason).toMatch(message);
}

/** A GeoPackageBinary header (little-endian, no envelope, SRS 4490) before `wkb`. */
function blob(...wkb: number[][]): Uint8Array {
  const parts: number[] = [0x47, 0x50, 0, 0b0000_0001, 0x8a, 0x11, 0, 0];
  for (const p of wkb) parts.push(...p);
  return new Uint8Array(parts);
}
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

describe('a file that is not a programme archive', () => {
  it('refuses what is not SQLite: noise, an empty file, a zip', () => {
    expectRefused(new TextEncoder().encode('{"type":"FeatureCollection"}'), 'archive_not_sqlite', /not a SQLite database/);
    expectRefused(new Uint8Array(0), 'archive_not_sqlite', /SQLite format 3/);
    expectRefused(zipSync({ 'a.txt': new Uint8Array([1]) }), 'archive_not_sqlite', /zip archive/);
  });

  it('refuses a truncated or scrambled SQLite file', () => {
    expectRefused(good.subarray(0, 4096), 'archive_corrupt', /malformed|cannot be read|cannot open/i);
    const scrambled = good.slice();
    for (let i = 200; i < scrambled.length; i += 7) scrambled[i] = (scrambled[i]! * 31 + 7) & 0xff;
    const result = readProgrammeArchive(sql, scrambled);
    expect(result.ok).toBe(false);
  });

  it('refuses a SQLite database that is not a GeoPackage', () => {
    const db = new sql.Database();
    db.run('CREATE TABLE parcels (id TEXT)');
    const bytes = db.export();
    db.close();
    expectRefused(bytes, 'archive_not_geopackage', /not a GeoPackage: it has no gpkg_contents, gpkg_spatial_ref_sys, gpkg_geometry_columns table \(its application id is 0x00000000/);
  });

  it('names the layers of a GeoPackage GDAL wrote from ordinary files, including a hostile name, and runs none of it', () => {
    const dir = scratchDir('gpkg-hostile');
    const path = `${dir}/gdal.gpkg`;
    tool('ogr2ogr', ['-f', 'GPKG', path, DEMO_FILES.zones, '-nln', 'zones']);
    tool('ogr2ogr', ['-update', '-f', 'GPKG', path, DEMO_FILES.parcels, '-nln', 'x"; DROP TABLE zones; --']);
    const bytes = new Uint8Array(readFileSync(path));
    expectRefused(bytes, 'archive_not_programme', /This GeoPackage \(layers .*"zones".*"x"; DROP TABLE zones; --"\) is not a Fulv programme archive: it has no "programme" table/);
    expect(tool('ogrinfo', ['-ro', '-so', writeScratch(dir, 'after.gpkg', bytes), 'zones'])).toMatch(/Feature Count: 18/);
  });

  it('refuses another format in a programme table, and a newer version of its own', () => {
    expectRefused(changed("UPDATE programme SET format = 'something-else'"), 'archive_not_programme', /says format "something-else"/);
    expectRefused(changed('UPDATE programme SET format_version = 2'), 'archive_version', /format version 2, newer than this Fulv reads \(1\)/);
    expectRefused(changed('INSERT INTO programme (format, format_version) VALUES (\'fulv-programme-archive\', 1)'), 'archive_invalid', /more than one row/);
  });
});

describe('a programme archive with missing or wrong parts', () => {
  it('refuses a missing table, one listed but absent, a view in its place and a missing column', () => {
    expectRefused(changed('DROP TABLE reviews', "DELETE FROM gpkg_contents WHERE table_name = 'reviews'"), 'archive_table_missing', /no attributes table "reviews"/);
    expectRefused(changed('DROP TABLE targets'), 'archive_table_missing', /"targets" is listed in gpkg_contents but is not in the database/);
    expectRefused(changed('DROP TABLE townships', 'CREATE VIEW townships AS SELECT 1 AS fid, \'a\' AS id, \'b\' AS name, \'c\' AS name_en'), 'archive_table_missing', /"townships" .* is a view, not a table/);
    expectRefused(changed('ALTER TABLE parcels DROP COLUMN damage_type'), 'archive_table_missing', /Table parcels lacks the column damage_type/);
    expectRefused(changed("DELETE FROM gpkg_geometry_columns WHERE table_name = 'zones'"), 'archive_table_missing', /zones is not registered in gpkg_geometry_columns/);
  });

  it('refuses a programme view, whose SQL would run on reading, and a virtual table', () => {
    expectRefused(changed('DROP TABLE programme', "CREATE VIEW programme AS SELECT 1 AS fid, 'fulv-programme-archive' AS format, 1 AS format_version"), 'archive_table_missing', /"programme" .* is a view, not a table/);
    expectRefused(changed('DROP TABLE townships', 'CREATE VIRTUAL TABLE townships USING fts4(fid, id, name, name_en)'), 'archive_table_missing', /"townships" is a virtual table/);
  });

  it('refuses a generated column, whose SQL would run on reading', () => {
    expectRefused(changed('ALTER TABLE parcels ADD COLUMN evil TEXT GENERATED ALWAYS AS (hex(zeroblob(100000000))) VIRTUAL'), 'archive_invalid', /column "evil" is generated/);
  });

  it('refuses a geometry column under another name, SQL in it included', () => {
    expectRefused(changed(`UPDATE gpkg_geometry_columns SET column_name = 'geom" FROM mines; --' WHERE table_name = 'parcels'`), 'archive_invalid', /geometry column is "geom" FROM mines; --", not "geom"/);
  });

  it('refuses a layer in another CRS, or an SRS that is not defined', () => {
    expectRefused(changed("UPDATE gpkg_geometry_columns SET srs_id = 4326 WHERE table_name = 'parcels'"), 'archive_srs', /Layer parcels is in EPSG:4326; a programme archive holds CGCS2000 longitude\/latitude \(EPSG:4490\)/);
    expectRefused(changed("UPDATE gpkg_geometry_columns SET srs_id = 999 WHERE table_name = 'zones'"), 'archive_srs', /names SRS 999, which gpkg_spatial_ref_sys does not define/);
    expectRefused(changed(['UPDATE mines SET geom = ? WHERE fid = 2', [geometryBlob({ type: 'Point', coordinates: [118.6, 40.1] }, 4326)]]), 'archive_srs', /mines, fid 2: the geometry says SRS 4326, its layer 4490/);
  });
});

describe('broken geometries', () => {
  const setParcel = (value: Uint8Array | string | null) => changed(['UPDATE parcels SET geom = ? WHERE fid = 2', [value]]);

  it.each([
    ['no geometry', null, /parcels, fid 2 has no geometry/],
    ['text', 'POLYGON((0 0, 1 0, 1 1, 0 0))', /fid 2: the geometry is text, not a GeoPackage geometry blob/],
    ['no GP magic', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), /does not start with "GP"/],
    ['a truncated header', new Uint8Array([0x47, 0x50, 0, 1]), /ends inside the header/],
    ['a lying envelope kind', new Uint8Array([0x47, 0x50, 0, 0b0000_1111, 0, 0, 0, 0]), /envelope kind is 7/],
    ['a ring count of 4 billion', blob([1], u32(3), u32(0xffffffff)), /claims 4294967295 rings, more than its 17 bytes can hold/],
    ['a vertex count past the end', blob([1], u32(3), u32(1), u32(1000)), /claims 1000 vertices/],
    ['a geometry collection', blob([1], u32(7), u32(0)), /WKB geometry type 7 is not a point, line or polygon/],
    ['M values', blob([1], u32(2001), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), /M values/],
    ['a bad byte order', blob([7], u32(3), u32(0)), /byte order is 7/],
    ['bytes after the geometry', blob([1], u32(3), u32(0), [9, 9]), /2 bytes follow the geometry/],
  ])('refuses %s', (_, value, message) => {
    expectRefused(setParcel(value), 'archive_geometry', message);
  });

  it('refuses a point among parcels, an open ring, projected metres and NaN', () => {
    expectRefused(setParcel(geometryBlob({ type: 'Point', coordinates: [118.5, 40] }, 4490)), 'archive_geometry', /parcels, fid 2 is a Point; parcels hold Polygon or MultiPolygon geometries/);
    expectRefused(setParcel(geometryBlob({ type: 'Polygon', coordinates: [[[118.5, 40], [118.6, 40], [118.6, 40.1], [118.5, 40.1]]] }, 4490)), 'archive_geometry', /ring is not closed/);
    expectRefused(setParcel(geometryBlob({ type: 'Polygon', coordinates: [[[39_500_000, 4_400_000], [39_501_000, 4_400_000], [39_501_000, 4_401_000], [39_500_000, 4_400_000]]] }, 4490)), 'archive_geometry', /39500000, 4400000 is not a longitude\/latitude \(projected metres\?\)/);
    expectRefused(setParcel(geometryBlob({ type: 'Polygon', coordinates: [[[NaN, 40], [118.6, 40], [118.6, 40.1], [NaN, 40]]] }, 4490)), 'archive_geometry', /not a finite number/);
  });
});

describe('wrong values', () => {
  it.each([
    ["UPDATE parcels SET damage_type = 'lava' WHERE fid = 3", /parcels, fid 3: damage_type is "lava", not one of open_pit, waste_dump/],
    ['UPDATE parcels SET name = NULL WHERE fid = 1', /parcels, fid 1: name is empty \(NULL\)/],
    ["UPDATE parcels SET source_attributes = '{not json' WHERE fid = 1", /parcels, fid 1: source_attributes is not valid JSON/],
    [`UPDATE parcels SET source_attributes = '${'['.repeat(5000)}' WHERE fid = 1`, /source_attributes nests deeper than 100 levels/],
    ["UPDATE zones SET source_attributes = '{\"a\":{\"b\":1}}' WHERE fid = 3", /zones, fid 3: source_attributes holds an object or array under "a"/],
    ["UPDATE targets SET year = 'soon' WHERE fid = 1", /targets, fid 1: year is soon, not a number/],
    ["UPDATE targets SET kind = 'wish' WHERE fid = 1", /targets, fid 1: kind is "wish", not one of row, stated_total/],
    ["UPDATE buffer_distances SET distance_m = -5 WHERE zone_type = 'river_lake'", /buffer distance for river_lake is negative/],
    ["DELETE FROM buffer_distances WHERE zone_type = 'scenic_area'", /buffer_distances has no distance for scenic_area/],
    ["UPDATE reviews SET events = '{}'", /reviews, fid 1: events is not a JSON array of review events/],
    [`UPDATE reviews SET events = '[{"action":"approve","status":"accepted","at":"","who":"","note":""}]'`, /events \[0\] action is "approve", not one of submit, accept/],
    ["UPDATE programme SET area_level = 'planet'", /programme, fid 1: area_level is "planet", not one of county, city, province/],
    ["UPDATE mines SET responsible_party = x'00ff' WHERE fid = 1", /mines, fid 1: responsible_party is <2-byte blob>, not text/],
  ])('%s', (statement, message) => {
    expectRefused(changed(statement), 'archive_invalid', message);
  });
});

describe('absurd sizes', () => {
  it('refuses a file over the size limit before opening it', () => {
    expectRefused(good, 'file_too_large', /over the limit/, { maxBytes: 1000 });
  });

  it('refuses more rows or vertices than the limits', () => {
    expectRefused(good, 'too_many_features', /rows, more than the limit of 5/, { maxFeatures: 5 });
    expectRefused(good, 'too_many_vertices', /more vertices than the limit/, { maxVertices: 10 });
  });
});
