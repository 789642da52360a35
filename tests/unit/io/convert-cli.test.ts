import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir, tool } from '../../helpers/gdal.ts';
import { collection, gdalShapefile, point, square } from '../../helpers/gdal-shapefiles.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = scratchDir('convert');
const fixture = (name: string): string => join(root, 'tests/fixtures', name);

function convert(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/convert.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run convert', () => {
  it('converts a GBK zone-39 Shapefile to a zone-40 Shapefile that GDAL reads as EPSG:4528', () => {
    const out = join(dir, 'parcels-zone40.zip');
    const run = convert(fixture('interchange/gbk-4527.zip'), out, '--to-crs', 'EPSG:4528');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/3 of 3 features from EPSG:4527 written/);
    const info = tool('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${out}`]);
    expect(info).toMatch(/Feature Count: 3/);
    expect(info).toMatch(/ID\["EPSG",4528\]\]\s*$/m);
    const json = JSON.parse(tool('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${out}`])) as { features: { properties: Record<string, unknown> }[] };
    // 矿山名称 is 12 UTF-8 bytes: the .dbf calls it 矿山名 (dbf-field-names.ts).
    expect(json.features.map((f) => f.properties['矿山名'])).toEqual(['迁安市大石河铁矿', '迁安市马兰庄铁矿', '迁安市彭店子铁矿']);
  });

  it('writes loose Shapefile parts for an .shp output, and GeoJSON from a table', () => {
    const shp = join(dir, 'table.shp');
    expect(convert(fixture('interchange/table-cm117.csv'), shp, '--from-crs', 'EPSG:4548').status).toBe(0);
    expect(tool('ogrinfo', ['-ro', '-so', '-al', shp])).toMatch(/Feature Count: 1/);
    const geojson = join(dir, 'table.geojson');
    expect(convert(shp, geojson).status).toBe(0);
    const out = JSON.parse(readFileSync(geojson, 'utf8')) as { features: { properties: { area_m2: number } }[] };
    expect(out.features[0]!.properties.area_m2).toBeGreaterThan(1000);
  });

  it('fails with the error code on stderr for a bad file, and with usage for bad arguments', () => {
    const bad = convert(fixture('malformed/truncated.zip'), join(dir, 'x.geojson'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^convert: zip_corrupt: the zip archive is damaged or truncated/);
    const needsZone = convert(fixture('interchange/table-cm117.csv'), join(dir, 'y.geojson'));
    expect(needsZone.status).toBe(1);
    expect(needsZone.stderr).toMatch(/crs_required/);
    const usage = convert(fixture('interchange/parcels-source.geojson'));
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run --silent convert/);
  });
});

describe('npm run convert reads files as the import dialog does (issue 13)', () => {
  const geojsonOut = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { features: { properties: Record<string, unknown> }[] };

  it('converts a GDAL-written UTF-8 Shapefile with cut Chinese field names, also with --encoding utf-8', () => {
    const s = gdalShapefile(dir, 'long-names', collection([{ properties: { 图斑编号: 'TB-001', 矿山名称: '迁安首钢矿', 治理面积亩: 12.5 }, geometry: square(118.6, 40, 0.01) }]), ['-lco', 'ENCODING=UTF-8']);
    for (const extra of [[], ['--encoding', 'utf-8']]) {
      const out = join(dir, `long-names${extra.length}.geojson`);
      const run = convert(s.shp, out, ...extra);
      expect([run.status, run.stderr]).toEqual([0, expect.stringMatching(/1 of 1 features from EPSG:4326 written/)]);
      expect(geojsonOut(out).features[0]!.properties).toMatchObject({ 图斑编: 'TB-001', 矿山名: '迁安首钢矿', 治理面: 12.5 });
    }
  });

  it('converts cp1252 and Big5 tables to UTF-8 text, and refuses an unknown code page naming it', () => {
    const latin = gdalShapefile(dir, 'cp1252', collection([{ properties: { city: 'México', name: 'Zürich' }, geometry: point(-99.13, 19.43) }]), ['-lco', 'ENCODING=CP1252']);
    const out = join(dir, 'cp1252.geojson');
    expect(convert(latin.shp, out).status).toBe(0);
    expect(geojsonOut(out).features[0]!.properties).toMatchObject({ city: 'México', name: 'Zürich' });
    const big5 = gdalShapefile(dir, 'big5', collection([{ properties: { 縣市: '臺北市' }, geometry: point(121.85, 25.1) }]), ['-lco', 'ENCODING=BIG5']);
    const big5Out = join(dir, 'big5.geojson');
    expect(convert(big5.shp, big5Out).status).toBe(0);
    expect(geojsonOut(big5Out).features[0]!.properties).toMatchObject({ 縣市: '臺北市' });
    const dos = gdalShapefile(dir, 'cp437', collection([{ properties: { city: 'México' }, geometry: point(-99.13, 19.43) }]), ['-lco', 'ENCODING=CP437']);
    const refused = convert(dos.shp, join(dir, 'cp437.geojson'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^convert: encoding_unsupported: the \.cpg names the code page "CP437", which TextDecoder cannot decode/);
    const chosen = convert(dos.shp, join(dir, 'cp437-chosen.geojson'), '--encoding', 'klingon');
    expect([chosen.status, chosen.stderr]).toEqual([2, expect.stringMatching(/--encoding klingon is not an encoding or code page/)]);
  });

  it('converts a single GeoJSON Feature, and refuses JSON nested 100,000 deep with json_too_deep', () => {
    const one = join(dir, 'one.geojson');
    writeFileSync(one, JSON.stringify({ type: 'Feature', properties: { 名称: '图斑' }, geometry: square(118.6, 40, 0.01) }));
    const run = convert(one, join(dir, 'one.kml'));
    expect([run.status, run.stderr]).toEqual([0, expect.stringMatching(/1 of 1 features/)]);
    const deep = join(dir, 'deep.geojson');
    writeFileSync(deep, `{"type":"Feature","properties":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}},"geometry":null}`);
    const refused = convert(deep, join(dir, 'deep-out.geojson'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^convert: json_too_deep: the JSON nests deeper than 100 levels at line 1, column \d+; no GeoJSON needs that \(deep\.geojson, line 1\)\n$/);
  });
});
