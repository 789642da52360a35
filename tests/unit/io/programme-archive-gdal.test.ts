// A programme archive opened by GDAL (Debian's gdal-bin) and checked by GDAL's own GeoPackage
// validator (validate_gpkg.py, python3-gdal): every layer with its geometry type and count, the
// CRS as EPSG:4490, Chinese text exactly, coordinates through ogr2ogr, and no warning anywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js';
import type { Position } from 'geojson';
import { readProgrammeArchive } from '../../../src/io/programme-archive/read-programme-archive.ts';
import { writeProgrammeArchive } from '../../../src/io/programme-archive/write-programme-archive.ts';
import type { ProgrammeContent } from '../../../src/domain/programme-content.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';
import { demoContent, sampleContent } from '../../helpers/programme-content.ts';

const VALIDATOR = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';
const dir = scratchDir('gpkg-gdal');
let demo: ProgrammeContent;
let demoPath: string;
let samplePath: string;

beforeAll(async () => {
  const sql = await initSqlJs();
  demo = demoContent();
  demo.reviews = sampleContent().reviews;
  demoPath = writeScratch(dir, 'demo.gpkg', writeProgrammeArchive(sql, demo));
  samplePath = writeScratch(dir, 'sample.gpkg', writeProgrammeArchive(sql, sampleContent()));
});

/** ogrinfo with GDAL's warnings left on stderr (the tool helper silences CPL_LOG). */
function ogrinfoLoud(args: readonly string[]): { stdout: string; stderr: string } {
  const run = spawnSync('ogrinfo', args, { encoding: 'utf8' });
  if (run.error) throw new Error('ogrinfo is missing: run "bash tests/install-gdal.sh"');
  expect(run.status).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr };
}

function layerSummaries(path: string): Map<string, { geometry: string; count: number; epsg: string | null }> {
  const text = tool('ogrinfo', ['-ro', '-so', '-al', path]);
  const layers = new Map<string, { geometry: string; count: number; epsg: string | null }>();
  for (const block of text.split(/\nLayer name: /).slice(1)) {
    const name = block.split('\n')[0]!.trim();
    layers.set(name, {
      geometry: /\nGeometry: (.+)/.exec(block)![1]!.trim(),
      count: Number(/Feature Count: (\d+)/.exec(block)![1]),
      epsg: /ID\["EPSG",(\d+)\]\]\s*\nData axis/.exec(block)?.[1] ?? null,
    });
  }
  return layers;
}

const geojson = (path: string, layer: string) =>
  JSON.parse(tool('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path, layer])) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] };

/** A JSON text column: GDAL's GeoJSON writer may give it back as text or, recognising JSON, as the value. */
const jsonColumn = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function positions(c: unknown): Position[] {
  return Array.isArray(c) && typeof c[0] === 'number' ? [c as Position] : (c as unknown[]).flatMap(positions);
}

describe('GDAL reads a programme archive', () => {
  it('lists every layer with its geometry type, feature count and EPSG:4490', () => {
    const p = demo.programme;
    expect(Object.fromEntries(layerSummaries(demoPath))).toEqual({
      mines: { geometry: 'Point', count: p.mines.length, epsg: '4490' },
      // 179 Polygons and 2 MultiPolygons, polygons and lines: a generic GEOMETRY column.
      parcels: { geometry: 'Unknown (any)', count: 181, epsg: '4490' },
      treated: { geometry: 'Polygon', count: 117, epsg: '4490' },
      zones: { geometry: 'Unknown (any)', count: 18, epsg: '4490' },
      programme: { geometry: 'None', count: 1, epsg: null },
      buffer_distances: { geometry: 'None', count: 6, epsg: null },
      townships: { geometry: 'None', count: 4, epsg: null },
      targets: { geometry: 'None', count: p.targets.rows.length + p.targets.stated_totals.length, epsg: null },
      reviews: { geometry: 'None', count: 1, epsg: null },
    });
  });

  it('names the CRS China Geodetic Coordinate System 2000', () => {
    expect(tool('ogrinfo', ['-ro', '-so', demoPath, 'parcels'])).toMatch(/GEOGCRS\["China Geodetic Coordinate System 2000"/);
  });

  it('returns the Chinese text exactly', () => {
    expect(geojson(demoPath, 'programme').features[0]!.properties).toMatchObject({ name: demo.programme.name, county: '河北省唐山市迁安市', area_level: 'county' });
    expect(geojson(demoPath, 'townships').features.map((f) => f.properties['name'])).toEqual(demo.programme.townships.map((t) => t.name));
    expect(geojson(demoPath, 'mines').features.map((f) => f.properties['name'])).toEqual(demo.programme.mines.map((m) => m.name));
    const sampleParcels = geojson(samplePath, 'parcels').features;
    expect(sampleParcels[0]!.properties).toMatchObject({ name: '采场\n第二行', note: '=1+2' });
    expect(jsonColumn(sampleParcels[0]!.properties['source_attributes'])).toEqual({ 图斑面积: 152345.67, 核查单位: '河北省地质调查院', 已复核: true, 备注: null });
    const reviews = geojson(demoPath, 'reviews').features[0]!.properties;
    expect((jsonColumn(reviews['events']) as unknown[])[1]).toMatchObject({ who: '李审查', note: '通过' });
  });

  it('converts each layer to GeoJSON with the coordinates written, to 1e-9 degrees', () => {
    for (const layer of ['parcels', 'treated', 'zones'] as const) {
      const written = demo.programme[layer].features;
      const read = geojson(demoPath, layer).features;
      expect(read.map((f) => f.geometry!.type)).toEqual(written.map((f) => f.geometry.type));
      read.forEach((f, i) => {
        const a = positions(f.geometry!.coordinates);
        const b = positions(written[i]!.geometry.coordinates);
        expect(a.length).toBe(b.length);
        a.forEach((p, j) => {
          expect(Math.abs(p[0]! - b[j]![0]!)).toBeLessThan(1e-9);
          expect(Math.abs(p[1]! - b[j]![1]!)).toBeLessThan(1e-9);
        });
      });
    }
    const mines = geojson(demoPath, 'mines').features;
    mines.forEach((f, i) => expect(f.geometry!.coordinates).toEqual(demo.programme.mines[i]!.location));
  });

  it('reads every feature of every layer without a warning', () => {
    for (const path of [demoPath, samplePath]) {
      const run = ogrinfoLoud(['-ro', '-al', path]);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(/Warning|ERROR/);
    }
  });

  it('reads back an archive GDAL rewrote (ogr2ogr, adding its spatial indexes) or edited in place (as QGIS does)', async () => {
    const sql = await initSqlJs();
    const copy = `${dir}/copy.gpkg`;
    tool('ogr2ogr', ['-f', 'GPKG', copy, samplePath]);
    expect(readProgrammeArchive(sql, new Uint8Array(readFileSync(copy)))).toStrictEqual({ ok: true, value: sampleContent() });
    tool('ogrinfo', [copy, '-sql', "UPDATE parcels SET note = '复核后修改' WHERE id = 'P-2'"]);
    const edited = readProgrammeArchive(sql, new Uint8Array(readFileSync(copy)));
    if (!edited.ok) throw new Error(edited.reason);
    expect(edited.value.programme.parcels.features.map((f) => f.properties.note)).toEqual(['=1+2', '复核后修改', '']);
  });

  it("passes GDAL's GeoPackage validator", () => {
    if (!existsSync(VALIDATOR)) throw new Error(`${VALIDATOR} is missing: run "bash tests/install-gdal.sh" (or apt-get install python3-gdal)`);
    for (const path of [demoPath, samplePath]) {
      const run = spawnSync('python3', [VALIDATOR, '--warning-as-error', path], { encoding: 'utf8' });
      expect(run.stderr + run.stdout).toBe('');
      expect(run.status).toBe(0);
    }
  });
});
