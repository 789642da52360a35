// `analyze` on a programme archive gives the figures of the programme's GeoJSON files, those the
// app computes from the same programme, and areas measured independently (an Albers equal-area
// projection of GRS80, tests/helpers/equal-area-reference.ts). The archive is written by
// `convert programme.json OUT.gpkg`, as a user would.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import type { ProgrammeContent } from '../../../src/domain/programme-content.ts';
import { readProgrammeArchive } from '../../../src/io/programme-archive/read-programme-archive.ts';
import { writeProgrammeArchive } from '../../../src/io/programme-archive/write-programme-archive.ts';
import { rect } from '../../helpers/analysis-features.ts';
import { equalAreaReference } from '../../helpers/equal-area-reference.ts';
import { scratchDir } from '../../helpers/gdal.ts';
import { DEMO_FILES, demoProgramme } from '../../helpers/programme-content.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = scratchDir('analyze-archive');
const archive = join(dir, 'demo.gpkg');

function run(program: 'analyze' | 'convert', ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, `src/cli/${program}.ts`), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = ['--parcels', DEMO_FILES.parcels, '--zones', DEMO_FILES.zones, '--treated', DEMO_FILES.treated, '--mines', DEMO_FILES.programme];

beforeAll(() => {
  const made = run('convert', DEMO_FILES.programme, archive);
  expect(made.stderr).toMatch(/programme archive with 181 parcels, 117 treated polygons, 18 zones, 40 mines and \d+ target rows written/);
  expect(made.status).toBe(0);
});

describe('npm run analyze on a programme archive', () => {
  it('gives every figure of the demo GeoJSON files, as JSON and as CSV', () => {
    for (const format of ['json', 'csv']) {
      const fromArchive = run('analyze', archive, '--format', format);
      const fromFiles = run('analyze', ...files, '--format', format);
      expect(fromArchive.status).toBe(0);
      expect(fromFiles.status).toBe(0);
      expect(fromArchive.stdout.length).toBeGreaterThan(10_000);
      expect(fromArchive.stdout).toBe(fromFiles.stdout);
      expect(fromArchive.stderr).toBe(fromFiles.stderr);
    }
  });

  it('gives the figures the app computes from the programme it holds', async () => {
    const out = JSON.parse(run('analyze', archive).stdout) as unknown;
    const programme = demoProgramme();
    const analysis = await createAnalysis({
      parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features,
      distances: GENERAL_PRESET.distances, mines: programme.mines,
    });
    const app = JSON.parse(JSON.stringify(analysis.results())) as unknown;
    analysis.dispose();
    expect(out).toEqual(app);
  });

  it("uses the archive's buffer distances, and --preset or --buffers over them", async () => {
    const sql = await initSqlJs();
    const read = readProgrammeArchive(sql, new Uint8Array(readFileSync(archive)));
    if (!read.ok) throw new Error(read.reason);
    const wider: ProgrammeContent = { ...read.value, bufferDistances: { ...GENERAL_PRESET.distances, river_lake: 3000, traffic_line: 50 } };
    const widerPath = join(dir, 'wider.gpkg');
    writeFileSync(widerPath, writeProgrammeArchive(sql, wider));
    const buffers = join(dir, 'wider.json');
    writeFileSync(buffers, JSON.stringify(wider.bufferDistances));

    const fromArchive = run('analyze', widerPath);
    expect(fromArchive.stdout).toBe(run('analyze', ...files, '--buffers', buffers).stdout);
    expect(fromArchive.stdout).not.toBe(run('analyze', archive).stdout);
    expect(run('analyze', widerPath, '--preset', '长江经济带').stdout).toBe(run('analyze', ...files, '--preset', '长江经济带').stdout);
  });

  it("measures a square parcel and its treated half as an equal-area projection does", async () => {
    const sql = await initSqlJs();
    const programme = demoProgramme();
    const square = rect(118.3, 39.7, 118.31, 39.71);
    const half = rect(118.3, 39.7, 118.305, 39.71);
    const content: ProgrammeContent = {
      areaLevel: 'county', bufferDistances: GENERAL_PRESET.distances, reviews: [],
      programme: {
        ...programme,
        parcels: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square, properties: { ...programme.parcels.features[0]!.properties, id: 'SQ' } }] },
        treated: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: half, properties: { ...programme.treated.features[0]!.properties, id: 'H', date: '2023-04-01' } }] },
        zones: { type: 'FeatureCollection', features: [] },
      },
    };
    const path = join(dir, 'square.gpkg');
    writeFileSync(path, writeProgrammeArchive(sql, content));
    const r = run('analyze', path);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { parcels: { id: string; area_m2: number; treated_m2: number }[]; totals: { by_year: Record<string, { treated_m2: number }> } };
    const [sq] = out.parcels;
    // 0.01° × 0.01° at 39.7°N: about 856 m × 1110 m.
    expect(sq!.area_m2).toBeGreaterThan(900_000);
    expect(Math.abs(sq!.area_m2 / equalAreaReference(square) - 1)).toBeLessThan(1e-6);
    expect(Math.abs(sq!.treated_m2 / equalAreaReference(half) - 1)).toBeLessThan(1e-6);
    expect(out.totals.by_year['2023']!.treated_m2).toBeCloseTo(sq!.treated_m2, 6);
  });

  it('refuses an archive given with layer files, and a broken archive with its code', () => {
    const both = run('analyze', archive, '--parcels', DEMO_FILES.parcels);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/holds the programme's layers: give it without --parcels/);
    const notArchive = join(dir, 'not.gpkg');
    writeFileSync(notArchive, 'hello');
    const bad = run('analyze', notArchive);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^analyze: programme archive .*not\.gpkg: archive_not_sqlite: The file is not a SQLite database/);
  });
});

describe('npm run convert with a programme archive', () => {
  it('writes one layer of the archive in another format, Chinese names and all', () => {
    const out = join(dir, 'mines.geojson');
    const r = run('convert', archive, out, '--layer', 'mines');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/40 mines features from the programme archive written/);
    const mines = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] };
    const programme = demoProgramme();
    expect(mines.features.map((f) => f.properties['name'])).toEqual(programme.mines.map((m) => m.name));
    expect(mines.features.map((f) => f.geometry.coordinates)).toEqual(programme.mines.map((m) => m.location));
  });

  it('refuses --layer for a file that is not an archive, and an unknown layer', () => {
    expect(run('convert', DEMO_FILES.zones, join(dir, 'z.geojson'), '--layer', 'zones').stderr).toMatch(/--layer picks a layer of a programme archive/);
    expect(run('convert', archive, join(dir, 'z.geojson'), '--layer', 'roads').stderr).toMatch(/--layer must be one of parcels, treated, zones, mines, not roads/);
  });
});
