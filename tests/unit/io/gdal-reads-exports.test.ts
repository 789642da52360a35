// Every file Fulv exports, opened by GDAL (Debian's gdal-bin): feature count, CRS, attribute
// values, and the area GDAL measures against the area Fulv wrote.
//
// The area comparison: GDAL reprojects the exported geometry to a Lambert azimuthal equal-area
// projection on GRS80 centred on the parcels, where planar area is exactly ellipsoidal area,
// and measures it (OGR_GEOM_AREA). Its edges are straight in that projection rather than
// geodesics, which for parcel-sized edges (≤ 1 km) changes the area by under 1e-7; the stated
// tolerance is 1e-6 relative (0.15 m² on a 15 ha parcel). SpatiaLite's ST_Area(geom, 1) is not
// used: its ellipsoidal area depends on ring orientation by up to 4e-4 on these shapes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import type { ExportFormat } from '../../../src/io/export/export-types.ts';
import { exportParcels } from '../../helpers/export-parcels.ts';
import { ogrFeatures, scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const dir = scratchDir('gdal');
const LAEA = '+proj=laea +lat_0=40.035 +lon_0=118.61 +ellps=GRS80 +units=m +no_defs';

function exported(format: ExportFormat, crs?: string): string {
  const out = exportLayers([{ name: 'parcels', features: exportParcels }], format, crs ? { crs } : {}, 'parcels');
  if (!out.ok) throw new Error(out.reason);
  const file = out.value.files[0]!;
  return writeScratch(dir, `${crs?.replace(':', '') ?? 'default'}-${file.name}`, file.bytes);
}

const open = (path: string): string => (path.endsWith('.zip') ? `/vsizip/${path}` : path);

function summary(path: string): { count: number; epsg: string | null; layer: string } {
  const text = tool('ogrinfo', ['-ro', '-so', '-al', open(path)]);
  return {
    count: Number(/Feature Count: (\d+)/.exec(text)![1]),
    epsg: /ID\["EPSG",(\d+)\]\]\s*$/m.exec(text.split('Layer SRS WKT')[1] ?? '')?.[1] ?? null,
    layer: /Layer name: (.+)/.exec(text)![1]!.trim(),
  };
}

function gdalAreas(path: string, layer: string): Map<string, { fulv: number; gdal: number }> {
  const target = join(dir, `${layer}-${Date.now()}-${Math.random().toString(36).slice(2)}.geojson`);
  tool('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', LAEA, target, open(path), layer]);
  const features = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', '-sql', `SELECT id, area_m2, OGR_GEOM_AREA AS gdal_area FROM "${layer}"`, target]));
  return new Map(features.map((f) => [f['id']!, { fulv: Number(f['area_m2']), gdal: Number(f['gdal_area']) }]));
}

function expectAreasAgree(path: string, layer: string): void {
  const areas = gdalAreas(path, layer);
  expect(areas.size).toBe(exportParcels.length);
  for (const { fulv, gdal } of areas.values()) {
    expect(gdal).toBeGreaterThan(10_000);
    expect(Math.abs(fulv - gdal) / gdal).toBeLessThan(1e-6);
  }
}

/** The attributes as GDAL reads them, through its own GeoJSON writer (multi-line text intact). */
function expectValues(path: string, fields: Record<string, string | number>): void {
  const json = JSON.parse(tool('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', open(path)])) as { features: { properties: Record<string, unknown> }[] };
  const first = json.features.find((f) => f.properties['id'] === 'P-001')!;
  expect(first.properties).toMatchObject(fields);
}

beforeAll(() => {
  tool('ogrinfo', ['--version']);
});

describe('GDAL reads every export', () => {
  it('GeoJSON: two features, WGS 84 lon/lat, Chinese text, areas', () => {
    const path = exported('geojson');
    expect(summary(path)).toMatchObject({ count: 2, epsg: '4326' });
    expectValues(path, { id: 'P-001', name: '大石河采场"北"，东坡, 一区', 核查单位: '河北省地质调查院', damage_type: 'open_pit', tbxl: '11' });
    expectAreasAgree(path, 'parcels');
  });

  it.each([['EPSG:4490', '4490'], ['EPSG:4528', '4528'], ['EPSG:4549', '4549']])('Shapefile in %s: CRS recognised from the .prj, UTF-8 attributes', (crs, epsg) => {
    const path = exported('shapefile', crs);
    expect(summary(path)).toMatchObject({ count: 2, epsg, layer: 'parcels' });
    // DBF names as dbf-field-names.ts documents them: 10 UTF-8 bytes, so 核查单位 (12) is 核查单.
    expectValues(path, { id: 'P-001', name: '大石河采场"北"，东坡, 一区', damage_typ: 'open_pit', 核查单: '河北省地质调查院', 图斑面: 152345.67, 已复核: 'T', note: '削坡后复绿\n第二行' });
    expectAreasAgree(path, 'parcels');
  });

  it.each(['kml', 'kmz'] as const)('%s: typed SchemaData fields', (format) => {
    const path = exported(format);
    expect(summary(path)).toMatchObject({ count: 2, epsg: '4326' });
    // libkml gives a placemark's <name> the field Name.
    expectValues(path, { id: 'P-001', Name: '大石河采场"北"，东坡, 一区', 核查单位: '河北省地质调查院', 图斑面积: 152345.67 });
    expectAreasAgree(path, 'parcels');
  });

  it('CSV coordinate table: GDAL places each vertex where the parcels are, and reads the areas', () => {
    const path = exported('csv', 'EPSG:4528');
    const vertexRows = exportParcels.reduce((n, p) => n + (p.geometry.type === 'Polygon' ? p.geometry.coordinates.flat().length : p.geometry.coordinates.flat(2).length), 0);
    // X is the northing: GDAL is told Y holds eastings and X northings, in zone 40, and asked for lon/lat.
    const points = join(dir, 'table-points.geojson');
    tool('ogr2ogr', ['-f', 'GeoJSON', '-s_srs', 'EPSG:4528', '-t_srs', 'EPSG:4326', '-oo', 'X_POSSIBLE_NAMES=Y', '-oo', 'Y_POSSIBLE_NAMES=X', points, path]);
    const table = JSON.parse(readFileSync(points, 'utf8')) as { features: { geometry: { coordinates: [number, number] }; properties: Record<string, string> }[] };
    expect(table.features).toHaveLength(vertexRows);
    const original = exportParcels[0]!.geometry.type === 'Polygon' ? exportParcels[0]!.geometry.coordinates.flat() : [];
    const rows = table.features.filter((f) => f.properties['图斑编号'] === 'P-001');
    for (const row of rows) {
      const [lon, lat] = row.geometry.coordinates;
      const nearest = Math.min(...original.map((p) => Math.hypot((p[0]! - lon) * 85_000, (p[1]! - lat) * 111_000)));
      expect(nearest).toBeLessThan(0.001);
    }
    expect(rows[0]!.properties).toMatchObject({ name: '大石河采场"北"，东坡, 一区', note: '削坡后复绿\n第二行', 核查单位: '河北省地质调查院' });
    const shapefileAreas = gdalAreas(exported('shapefile', 'EPSG:4528'), 'parcels');
    expect(Number(rows[0]!.properties['area_m2'])).toBeCloseTo(shapefileAreas.get('P-001')!.gdal, 0);
  });
});
