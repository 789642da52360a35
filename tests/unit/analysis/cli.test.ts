import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { parcel, rect, treated, zone } from '../../helpers/analysis-features.ts';
import { equalAreaReference } from '../../helpers/equal-area-reference.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fulv-analyze-'));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const collection = (features: unknown[]): unknown => ({ type: 'FeatureCollection', features });

const parcels = file('parcels.geojson', collection([
  parcel('P1', rect(118.5, 40, 118.51, 40.01)),
  parcel('P2, "quoted"', rect(118.6, 40.1, 118.61, 40.11)),
  parcel('bad', { type: 'Polygon', coordinates: [[[118.5, 40], [118.51, 40.01], [118.51, 40], [118.5, 40.01], [118.5, 40]]] }),
]));
const zones = file('zones.geojson', collection([zone('R', 'river_lake', { type: 'LineString', coordinates: [[118.5, 39.9], [118.5, 40.3]] })]));
const treatedFile = file('treated.geojson', collection([treated('T1', '2022-05-01', rect(118.5, 40, 118.505, 40.01))]));

function analyze(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/analyze.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run analyze', () => {
  it('prints one JSON document with parcels, totals and issues', () => {
    const run = analyze('--parcels', parcels, '--zones', zones, '--treated', treatedFile);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.parcels.map((p: { id: string }) => p.id)).toEqual(['P1', 'P2, "quoted"']);
    const p1 = out.parcels[0];
    expect(Object.keys(p1)).toEqual(expect.arrayContaining([
      'id', 'area_m2', 'area_mu', 'area_ha', 'protected_overlap_m2', 'protected_overlap_by_type', 'treated_m2', 'treatment_rate', 'zones',
    ]));
    expect(Math.abs(p1.area_m2 / ellipsoidalArea(rect(118.5, 40, 118.51, 40.01)) - 1)).toBeLessThan(1e-8);
    expect(p1.protected_overlap_by_type.river_lake).toBeCloseTo(p1.area_m2, 3);
    expect(p1.zones).toEqual(['R']);
    expect(Math.abs(p1.treated_m2 / ellipsoidalArea(rect(118.5, 40, 118.505, 40.01)) - 1)).toBeLessThan(1e-8);
    expect(out.totals.by_year['2022'].treated_m2).toBeCloseTo(p1.treated_m2, 6);
    expect(out.issues).toEqual([expect.objectContaining({ id: 'bad', reason: expect.stringMatching(/self-intersection/) })]);
  });

  it('takes the 长江经济带 preset and a buffers file', () => {
    const yangtze = JSON.parse(analyze('--parcels', parcels, '--zones', zones, '--preset', '长江经济带').stdout);
    expect(yangtze.distances.river_lake).toBe(10_000);
    // P2 lies 8.5–9.4 km east of the river line, all of it inside the 10 km buffer.
    const p2 = equalAreaReference(rect(118.6, 40.1, 118.61, 40.11));
    expect(Math.abs(yangtze.parcels[1].protected_overlap_m2 - p2) / p2).toBeLessThan(1e-6);
    expect(yangtze.parcels[1].zones).toEqual(['R']);
    const custom = JSON.parse(analyze('--parcels', parcels, '--zones', zones, '--buffers', file('b.json', { river_lake: 0 })).stdout);
    expect(custom.parcels[0].protected_overlap_m2).toBe(0);
  });

  it('groups totals by township and category from the mines of a programme.json', () => {
    const programme = file('programme.json', {
      id: 'X', mines: [{ id: 'M1', name: '甲', name_en: 'A', mineral: '铁矿', township_id: 'T01', category: 'abandoned', responsible_party: null, location: [118.5, 40] }],
    });
    const out = JSON.parse(analyze('--parcels', parcels, '--zones', zones, '--mines', programme).stdout);
    expect(Object.keys(out.totals.by_township)).toEqual(['T01']);
    expect(out.totals.by_category.abandoned.parcels).toBe(2);
  });

  it('writes CSV for spreadsheets, quoting where needed', () => {
    const run = analyze('--parcels', parcels, '--zones', zones, '--format', 'csv');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^id,mine_id,area_m2,area_mu,area_ha,protected_overlap_m2,/);
    expect(lines[2]).toMatch(/^"P2, ""quoted""",M1,/);
    expect(run.stdout).toMatch(/parcels,bad,self_intersection,/);
  });

  it.each([
    ['a missing file', ['--parcels', join(dir, 'missing.geojson'), '--zones', zones], 1, /cannot read parcels file .*missing\.geojson/],
    ['broken JSON', ['--parcels', file('broken.geojson', '{"type": "Feature'), '--zones', zones], 1, /not valid JSON/],
    ['JSON that is not GeoJSON', ['--parcels', file('array.geojson', []), '--zones', zones], 1, /not a GeoJSON FeatureCollection/],
    ['a bad buffers file', ['--parcels', parcels, '--zones', zones, '--buffers', file('bad-b.json', { roads: 5 })], 1, /unknown zone type "roads"/],
    ['an unknown preset', ['--parcels', parcels, '--zones', zones, '--preset', 'nowhere'], 1, /unknown preset/],
    ['missing arguments', ['--zones', zones], 2, /--parcels and --zones are required/],
    ['an unknown format', ['--parcels', parcels, '--zones', zones, '--format', 'xlsx'], 2, /--format must be json or csv/],
  ] as const)('refuses %s with exit %i and a message', (_name, args, status, message) => {
    const run = analyze(...args);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
