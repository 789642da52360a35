import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir, tool } from '../../helpers/gdal.ts';

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
