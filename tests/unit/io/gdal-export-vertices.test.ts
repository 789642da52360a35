// Every export, in every CRS the export dialog offers for it, read back by GDAL and reprojected
// by GDAL/PROJ to CGCS2000 longitude/latitude (ogr2ogr -t_srs EPSG:4490): each vertex must lie
// within 1 mm of the source vertex, measured geodesically on the CGCS2000 ellipsoid. Areas and
// attributes alone (gdal-reads-exports.test.ts) would pass a file shifted as a whole.
//
// A ring may come back reversed or starting at another vertex (Shapefile and the coordinate
// table wind shells clockwise), so a ring matches a source ring when some rotation, in either
// direction, puts every vertex within 1 mm; the vertex count must be the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { GeodesicNs } from '../../../src/domain/geographiclib.ts';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import type { ExportFormat } from '../../../src/io/export/export-types.ts';
import { exportParcels } from '../../helpers/export-parcels.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const dir = scratchDir('vertices');
// CGCS2000 as published (GB/T 2-2008 definition; EPSG:1024): a = 6378137 m, 1/f = 298.257222101.
const cgcs2000 = new GeodesicNs.Geodesic(6378137, 1 / 298.257222101);
const TOLERANCE_M = 0.001;

type Ring = Position[];

/** `crs` 'default' exports without choosing one, as the dialog's first option does. */
function exported(format: ExportFormat, crs: string): string {
  const out = exportLayers([{ name: 'parcels', features: exportParcels }], format, crs === 'default' ? {} : { crs }, 'parcels');
  if (!out.ok) throw new Error(out.reason);
  const file = out.value.files[0]!;
  return writeScratch(dir, `${crs.replace(':', '')}-${file.name}`, file.bytes);
}

const open = (path: string): string => (path.endsWith('.zip') ? `/vsizip/${path}` : path);

/** The file as GDAL reads it, reprojected by GDAL to EPSG:4490 and written as lon/lat GeoJSON. */
function readBack(args: readonly string[]): { features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] } {
  const target = join(dir, `read-${Date.now()}-${Math.random().toString(36).slice(2)}.geojson`);
  tool('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=12', '-t_srs', 'EPSG:4490', ...args.slice(0, -1), target, args.at(-1)!]);
  return JSON.parse(readFileSync(target, 'utf8')) as ReturnType<typeof readBack>;
}

function ringsOf(geometry: { type: string; coordinates: unknown }): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  throw new Error(`unexpected ${geometry.type}`);
}

const metres = (a: Position, b: Position): number => cgcs2000.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;

/** The largest distance between matched vertices under the best rotation and direction. */
function ringDistance(read: Ring, source: Ring): number {
  const open = (r: Ring): Ring => r.slice(0, -1);
  const a = open(read);
  const b = open(source);
  if (a.length !== b.length) return Infinity;
  let best = Infinity;
  for (const candidate of [b, [...b].reverse()]) {
    for (let shift = 0; shift < candidate.length; shift++) {
      let worst = 0;
      for (let i = 0; i < a.length && worst < best; i++) worst = Math.max(worst, metres(a[i]!, candidate[(i + shift) % candidate.length]!));
      best = Math.min(best, worst);
    }
  }
  // The closing vertex must repeat the first.
  return Math.max(best, metres(read[0]!, read.at(-1)!));
}

function expectRingsMatch(id: string, read: Ring[]): void {
  const source = ringsOf(exportParcels.find((p) => p.properties.id === id)!.geometry);
  expect(read).toHaveLength(source.length);
  source.forEach((ring, i) => {
    expect(ringDistance(read[i]!, ring), `${id} ring ${i + 1}`).toBeLessThan(TOLERANCE_M);
  });
}

function expectFeatureVertices(path: string, idField: string): void {
  const json = readBack([open(path)]);
  expect(json.features.map((f) => f.properties[idField])).toEqual(['P-001', 'P-002']);
  for (const feature of json.features) expectRingsMatch(String(feature.properties[idField]), ringsOf(feature.geometry));
}

beforeAll(() => {
  tool('ogrinfo', ['--version']);
});

// At 118.6°E: 3° zone 40 (EPSG:4528 with zone prefix, 4549 without), 6° zone 20 (4498, 4509).
const GAUSS_KRUGER = ['EPSG:4528', 'EPSG:4549', 'EPSG:4498', 'EPSG:4509'];
const GEOGRAPHIC = ['default', 'EPSG:4490', 'EPSG:4326'];

describe('GDAL places every exported vertex within 1 mm of the source', () => {
  it.each([...GEOGRAPHIC, ...GAUSS_KRUGER])('GeoJSON in %s', (crs) => {
    expectFeatureVertices(exported('geojson', crs), 'id');
  });

  it.each([...GEOGRAPHIC, ...GAUSS_KRUGER])('Shapefile in %s', (crs) => {
    expectFeatureVertices(exported('shapefile', crs), 'id');
  });

  it.each(GEOGRAPHIC.flatMap((crs) => [['kml', crs], ['kmz', crs]] as const))('%s in %s', (format, crs) => {
    expectFeatureVertices(exported(format, crs), 'id');
  });

  it.each(['default', ...GAUSS_KRUGER])('coordinate table (CSV) in %s', (crs) => {
    // The table names no CRS: GDAL is told the zone (the default is the 3° zone with prefix of
    // the centre, EPSG:4528), that Y holds eastings and X northings.
    const path = exported('csv', crs);
    const rows = readBack(['-s_srs', crs === 'default' ? 'EPSG:4528' : crs, '-oo', 'X_POSSIBLE_NAMES=Y', '-oo', 'Y_POSSIBLE_NAMES=X', path]).features;
    const byFeature = new Map<string, Map<string, Ring>>();
    for (const row of rows) {
      const id = String(row.properties['图斑编号']);
      const rings = byFeature.get(id) ?? new Map<string, Ring>();
      byFeature.set(id, rings);
      const ring = rings.get(String(row.properties['圈号'])) ?? [];
      rings.set(String(row.properties['圈号']), ring);
      ring.push(row.geometry.coordinates as Position);
    }
    expect([...byFeature.keys()]).toEqual(['P-001', 'P-002']);
    for (const [id, rings] of byFeature) {
      expect([...rings.keys()]).toEqual(['1', '2']);
      expectRingsMatch(id, [...rings.values()]);
    }
  });
});
