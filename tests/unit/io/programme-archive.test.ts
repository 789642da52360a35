// The programme archive written and read back, and its geometry blobs judged by the standard
// rather than by the code: GeoPackageBinary laid out by hand from OGC 12-128 clause 2.1.3 (and
// ISO WKB), big-endian WKB built by hand, and the blobs GDAL itself writes, read back to the
// coordinates GDAL was given.
import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkedProgrammeArchive } from '../../../src/io/programme-archive/checked-archive.ts';
import { geometryBlob, readGeometryBlob } from '../../../src/io/programme-archive/geopackage-binary.ts';
import { readProgrammeArchive } from '../../../src/io/programme-archive/read-programme-archive.ts';
import { writeProgrammeArchive } from '../../../src/io/programme-archive/write-programme-archive.ts';
import type { Geometry } from 'geojson';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';
import { demoContent, sampleContent, X, Y } from '../../helpers/programme-content.ts';

let sql: SqlJsStatic;
beforeAll(async () => {
  sql = await initSqlJs();
});

/** Bytes from a list of [kind, value]: u8, little/big-endian u32, i32 and f64. */
function bytesOf(parts: readonly [('u8' | 'u32le' | 'u32be' | 'i32le' | 'f64le' | 'f64be'), number][]): Uint8Array {
  const size = parts.reduce((n, [k]) => n + (k === 'u8' ? 1 : k.startsWith('f64') ? 8 : 4), 0);
  const view = new DataView(new ArrayBuffer(size));
  let at = 0;
  for (const [kind, v] of parts) {
    if (kind === 'u8') view.setUint8(at, v);
    else if (kind === 'u32le' || kind === 'u32be') view.setUint32(at, v, kind === 'u32le');
    else if (kind === 'i32le') view.setInt32(at, v, true);
    else view.setFloat64(at, v, kind === 'f64le');
    at += kind === 'u8' ? 1 : kind.startsWith('f64') ? 8 : 4;
  }
  return new Uint8Array(view.buffer);
}

describe('GeoPackageBinary geometry blobs', () => {
  it('lays a point out as the standard does: "GP", version 0, flags, srs_id, envelope, WKB', () => {
    const expected = bytesOf([
      ['u8', 0x47], ['u8', 0x50], ['u8', 0],
      ['u8', 0b0000_0011], // little-endian header, envelope kind 1 ([minx, maxx, miny, maxy])
      ['i32le', 4490],
      ['f64le', 118.5], ['f64le', 118.5], ['f64le', 40.25], ['f64le', 40.25],
      ['u8', 1], ['u32le', 1], ['f64le', 118.5], ['f64le', 40.25], // WKB: little-endian Point
    ]);
    expect(geometryBlob({ type: 'Point', coordinates: [118.5, 40.25] }, 4490)).toEqual(expected);
  });

  it('reads big-endian WKB inside a little-endian header, and a header without envelope', () => {
    const blob = bytesOf([
      ['u8', 0x47], ['u8', 0x50], ['u8', 0], ['u8', 0b0000_0001], ['i32le', 4490],
      ['u8', 0], ['u32be', 2], ['u32be', 2], ['f64be', 118.1], ['f64be', 40.1], ['f64be', 118.2], ['f64be', 40.2],
    ]);
    expect(readGeometryBlob(blob, { left: 100 })).toEqual({ srsId: 4490, geometry: { type: 'LineString', coordinates: [[118.1, 40.1], [118.2, 40.2]] } });
  });

  it('reads back the blobs GDAL writes to the coordinates GDAL was given', () => {
    const geometries: Geometry[] = [
      { type: 'Polygon', coordinates: [[[118.5, 40], [118.51, 40], [118.51, 40.01], [118.5, 40]], [[118.505, 40.001], [118.506, 40.001], [118.506, 40.002], [118.505, 40.001]]] },
      { type: 'MultiPolygon', coordinates: [[[[118.6, 40.1], [118.61, 40.1], [118.61, 40.11], [118.6, 40.1]]], [[[118.7, 40.2], [118.71, 40.2], [118.7, 40.21], [118.7, 40.2]]]] },
      { type: 'LineString', coordinates: [[118.4, 39.9], [118.45, 40.3]] },
      { type: 'MultiLineString', coordinates: [[[118.4, 39.9], [118.45, 40.3]], [[118.46, 40.3], [118.5, 40.4]]] },
      { type: 'Point', coordinates: [118.123456789, 40.987654321] },
    ];
    const dir = scratchDir('gpkg-blobs');
    const source = writeScratch(dir, 'in.geojson', JSON.stringify({ type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) }));
    const target = `${dir}/gdal.gpkg`;
    tool('ogr2ogr', ['-f', 'GPKG', '-a_srs', 'EPSG:4490', '-nln', 'shapes', target, source]);
    const db = new sql.Database(new Uint8Array(readFileSync(target)));
    const blobs = db.exec('SELECT geom FROM shapes ORDER BY fid')[0]!.values.map((r) => r[0] as Uint8Array);
    db.close();
    expect(blobs.map((b) => readGeometryBlob(b, { left: 1000 }).geometry)).toEqual(geometries);
    expect(blobs.map((b) => readGeometryBlob(b, { left: 1000 }).srsId)).toEqual(geometries.map(() => 4490));
  });
});

describe('a programme archive read back', () => {
  it('gives back every value of a programme with every corner, doubles to the bit', () => {
    const content = sampleContent();
    const back = readProgrammeArchive(sql, writeProgrammeArchive(sql, content));
    expect(back).toStrictEqual({ ok: true, value: content });
  });

  it('keeps an absent optional field absent and a null one null', () => {
    const back = readProgrammeArchive(sql, writeProgrammeArchive(sql, sampleContent()));
    if (!back.ok) throw new Error(back.reason);
    const [p1, p2, p3] = back.value.programme.parcels.features.map((f) => f.properties);
    expect([p1!.tbxl, p2!.tbxl, 'tbxl' in p3!]).toEqual(['11', null, false]);
    expect(X).not.toBe(118.3);
    expect(back.value.programme.mines[0]!.location).toEqual([X, Y]);
  });

  it('gives back the demo programme exactly', () => {
    const content = demoContent();
    expect(readProgrammeArchive(sql, writeProgrammeArchive(sql, content))).toStrictEqual({ ok: true, value: content });
  });

  it('keeps heights where a layer has them', () => {
    const content = sampleContent();
    const withZ = content.programme.treated.features[0]!;
    withZ.geometry = { type: 'Polygon', coordinates: [[[118.5, 40, 12.5], [118.505, 40, 13], [118.505, 40.01, 14.25], [118.5, 40, 12.5]]] };
    expect(readProgrammeArchive(sql, writeProgrammeArchive(sql, content))).toStrictEqual({ ok: true, value: content });
  });

  it('refuses at export a programme the archive would not give back, with the reason', () => {
    const content = sampleContent();
    const zone = content.programme.zones.features[1]!;
    zone.properties = { ...zone.properties, zone_type: 'motorway' as never };
    const note = content.programme.parcels.features[0]!;
    expect(checkedProgrammeArchive(sql, content)).toMatchObject({
      ok: false, code: 'archive_invalid', reason: expect.stringMatching(/cannot be written as an archive that opens again: zones, fid 2: zone_type is "motorway"/),
    });
    zone.properties.zone_type = 'traffic_line';
    delete (note.properties as Partial<typeof note.properties>).note;
    expect(checkedProgrammeArchive(sql, content)).toMatchObject({ ok: false, reason: expect.stringMatching(/parcels, fid 1: note is empty \(NULL\)/) });
    expect(checkedProgrammeArchive(sql, sampleContent())).toMatchObject({ ok: true });
  });

  it('writes the same bytes for the same programme at the same time', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    expect(writeProgrammeArchive(sql, sampleContent(), { now })).toEqual(writeProgrammeArchive(sql, sampleContent(), { now }));
  });
});
