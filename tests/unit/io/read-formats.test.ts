import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { geometryDistance } from '../../helpers/geometry-compare.ts';
import { fixtureFile, preview, sourceParcels } from '../../helpers/interchange-fixtures.ts';
import { readImport } from '../../../src/io/read-import.ts';
import type { ImportFile, ImportPreview } from '../../../src/io/import-types.ts';

const truth = sourceParcels();

/** Every feature of the preview matches the source parcel with the same 图斑编号 within 1 mm. */
function expectSourceGeometry(p: ImportPreview, idField = '图斑编号'): void {
  expect(p.features).toHaveLength(truth.length);
  for (const f of p.features) {
    const source = truth.find((t) => t.properties[idField] === f.properties[idField])!;
    expect(geometryDistance(f.geometry!, source.geometry)).toBeLessThan(0.001);
  }
}

describe('reading files other software wrote', () => {
  it('reads a GBK Shapefile in CGCS2000 zone 39 written by GDAL, Chinese text intact', async () => {
    const p = await preview([fixtureFile('interchange/gbk-4527.zip')]);
    expect(p.format).toBe('shapefile');
    expect(p.crs).toEqual({ code: 'EPSG:4527', name: 'CGCS2000 / 3-degree Gauss-Kruger zone 39', how: 'declared' });
    expect(p.encoding).toEqual({ name: 'gbk', how: 'declared' });
    expectSourceGeometry(p);
    const first = p.features.find((f) => f.properties['图斑编号'] === '130283-001')!;
    expect(first.properties).toMatchObject({ 矿山名称: '迁安市大石河铁矿', 图斑属性: '采场', 备注: '东侧"陡坎", 需削坡', 图斑面积: 152345.67 });
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('detects GBK when neither a .cpg nor the DBF header names the code page', async () => {
    const entries = unzipSync(fixtureFile('interchange/gbk-4527.zip').bytes);
    const files: ImportFile[] = Object.entries(entries).filter(([n]) => !n.endsWith('.cpg')).map(([name, bytes]) => ({ name, bytes }));
    const p = await preview(files);
    expect(p.encoding).toEqual({ name: 'gbk', how: 'detected' });
    expect(p.problems.map((x) => x.code)).toContain('encoding_detected');
    expect(p.features.map((f) => f.properties['矿山名称'])).toContain('迁安市马兰庄铁矿');
  });

  it('refuses a chosen encoding that the DBF contradicts, showing both readings', async () => {
    const r = await readImport([fixtureFile('interchange/gbk-4527.zip')], { layer: 'parcels', encoding: 'utf-8' });
    expect(!r.ok && r.code).toBe('wrong_encoding');
    expect(!r.ok && r.reason).toMatch(/as GBK "图斑编号/);
  });

  it('reads GeoJSON in zone 39 with GDAL\'s crs member', async () => {
    const p = await preview([fixtureFile('interchange/parcels-4527.geojson')]);
    expect(p.crs.code).toBe('EPSG:4527');
    expect(p.crs.how).toBe('declared');
    expectSourceGeometry(p);
  });

  it.each(['parcels-libkml.kml', 'parcels-libkml.kmz'])('reads %s written by GDAL\'s libkml driver', async (name) => {
    const p = await preview([fixtureFile(`interchange/${name}`)]);
    expect(p.format).toBe(name.endsWith('kmz') ? 'kmz' : 'kml');
    expectSourceGeometry(p);
    const third = p.features.find((f) => f.properties['图斑编号'] === '130283-003')!;
    expect(third.properties).toMatchObject({ 矿山名称: '迁安市彭店子铁矿', 图斑属性: '尾矿库', 修复方向: '耕地' });
  });

  it('reads the source GeoJSON itself: RFC 7946, no crs member', async () => {
    const p = await preview([fixtureFile('interchange/parcels-source.geojson')]);
    expect(p.crs).toMatchObject({ code: 'EPSG:4326', how: 'default' });
    expect(p.encoding).toBeNull();
    expect(p.bbox![0]).toBeCloseTo(118.3987, 6);
    expectSourceGeometry(p);
  });
});

describe('reading coordinate tables (拐点坐标表)', () => {
  const ring = truth[0]!.geometry.type === 'Polygon' ? truth[0]!.geometry.coordinates[0]! : [];
  const outer = { type: 'Polygon' as const, coordinates: [ring] };

  it('finds the zone in 8-digit Y values and puts the vertices where cs2cs computed them', async () => {
    const p = await preview([fixtureFile('interchange/table-zone39.csv')]);
    expect(p.crs).toMatchObject({ code: 'EPSG:4527', how: 'detected' });
    expect(p.problems.map((x) => x.code)).toEqual(expect.arrayContaining(['crs_detected', 'ring_closed']));
    expect(geometryDistance(p.features[0]!.geometry!, outer)).toBeLessThan(0.001);
  });

  it('asks for the zone when Y has 6 digits, and reads it when given', async () => {
    const r = await readImport([fixtureFile('interchange/table-cm117.csv')], { layer: 'parcels' });
    expect(!r.ok && r.code).toBe('crs_required');
    const p = await preview([fixtureFile('interchange/table-cm117.csv')], { sourceCrs: 'EPSG:4548' });
    expect(p.crs).toMatchObject({ code: 'EPSG:4548', how: 'chosen' });
    expect(geometryDistance(p.features[0]!.geometry!, outer)).toBeLessThan(0.001);
  });
});
