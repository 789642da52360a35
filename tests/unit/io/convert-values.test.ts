// `npm run convert -- … --values labels`: Fulv's coded fields as the Chinese labels the app
// shows, and text cells of a CSV output that a spreadsheet would run neutralised (OWASP), as GDAL
// reads the output back.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ogrFeatures, scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = scratchDir('convert-values');

function convert(...args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/convert.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stderr: run.stderr };
}

const input = writeScratch(dir, 'in.geojson', JSON.stringify({
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { id: 'P1', name: '=cmd|" /C calc"!A0', status: 'in_progress', damage_type: 'tailings_pond', tbdl: '10' },
    geometry: { type: 'Polygon', coordinates: [[[118.6, 40.02], [118.601, 40.02], [118.601, 40.021], [118.6, 40.021], [118.6, 40.02]]] },
  }],
}));

describe('npm run convert --values', () => {
  it('labels: a CSV table with 治理中 and 尾矿库, the national code kept, the formula text neutralised', () => {
    const out = join(dir, 'labels.csv');
    const run = convert(input, out, '--to-crs', 'EPSG:4528', '--values', 'labels');
    expect(run.status, run.stderr).toBe(0);
    const [first] = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', out]));
    expect(first).toMatchObject({ 图斑编号: 'P1', status: '治理中', damage_type: '尾矿库', tbdl: '10', name: '\'=cmd|" /C calc"!A0' });
  });

  it('codes by default, and a clear message for another value', () => {
    const out = join(dir, 'codes.geojson');
    expect(convert(input, out).status).toBe(0);
    expect(ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', out]))[0]).toMatchObject({ status: 'in_progress', damage_type: 'tailings_pond' });
    const bad = convert(input, join(dir, 'x.csv'), '--values', 'words');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--values must be codes or labels, not words/);
  });
});
