// `npm run bench`: the analysis engine, the `analyze` command line and PostGIS computing the same
// analysis, in one run and one process tree, on province-scale programmes (data/scale-generator,
// as `npm run demo:scale` writes them): 10k parcels with 5k treated polygons and 50k with 25k,
// 70 zones, the general preset. Times are CPU seconds (user + system), never wall time: a shared
// machine stretches the latter. The engine is timed in this process (after a warm-up, as in a
// worker or a long-running app); the CLI as a child (node on the prebuilt bundle, the whole
// process: start, reading GeoJSON, analysis, JSON out); PostGIS by its backend's own CPU. At 50k
// an edit is timed too: a buffer-distance change and a treated polygon moved.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { Analysis } from '../../src/domain/analysis-engine.ts';
import type { AnalysisResults, InputFeature } from '../../src/domain/analysis-types.ts';
import { GENERAL_PRESET } from '../../src/domain/buffer-presets.ts';
import { loadGeos, type Geos } from '../../src/domain/geos/geos-loader.ts';
import type { Programme } from '../../src/domain/model.ts';
import { programmeFiles } from '../../data/scale-generator/programme-files.ts';
import { scaleProgramme } from '../../data/scale-generator/scale-programme.ts';
import { agreement } from './figures-agreement.ts';
import { loadProgramme, runPostgis, type PostgisRun, type Variant } from './postgis-analysis.ts';
import { startPostgis, type PostgisCluster } from './postgis-cluster.ts';

// FULV_BENCH_SIZES=2000:1000,… for a quick look at other sizes.
const SIZES: [number, number][] = process.env.FULV_BENCH_SIZES
  ? process.env.FULV_BENCH_SIZES.split(',').map((pair) => pair.split(':').map(Number) as [number, number])
  : [[10_000, 5_000], [50_000, 25_000]];
const distances = GENERAL_PRESET.distances;
const root = fileURLToPath(new URL('../../', import.meta.url));
const reporter = join(root, 'tests/helpers/cli/report-max-rss.mjs');

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const s = (seconds: number): string => `${seconds.toFixed(2)} s`;
const mb = (m: number): string => `${m.toFixed(0)} MB`;

function engineInput(programme: Programme): ConstructorParameters<typeof Analysis>[1] {
  return { parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features, mines: programme.mines, distances };
}

function timeEngine(geos: Geos, programme: Programme): { seconds: number; analysis: Analysis; results: AnalysisResults } {
  const start = cpu();
  const analysis = new Analysis(geos, engineInput(programme));
  const results = analysis.results();
  return { seconds: cpu() - start, analysis, results };
}

function timeCli(dir: string): { seconds: number; peakMb: number } {
  const usageFile = join(dir, 'usage.json');
  const out = openSync(join(dir, 'out.json'), 'w');
  const run = spawnSync(process.execPath, ['--import', reporter, join(root, 'dist-cli/analyze.mjs'),
    '--parcels', join(dir, 'parcels.geojson'), '--zones', join(dir, 'zones.geojson'), '--treated', join(dir, 'treated.geojson'), '--mines', join(dir, 'programme.json')],
  { stdio: ['ignore', out, 'pipe'], env: { ...process.env, FULV_MAX_RSS_FILE: usageFile }, encoding: 'utf8' });
  closeSync(out);
  if (run.status !== 0) throw new Error(`analyze failed: ${run.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpu: number };
  return { seconds: usage.cpu / 1e6, peakMb: usage.maxRSS / 1024 };
}

function timeEdits(analysis: Analysis, programme: Programme): string[] {
  let start = cpu();
  analysis.setBufferDistance('water_source', distances.water_source + 500);
  analysis.results();
  const buffer = `buffer distance (water_source +500 m): ${s(cpu() - start)}, ${analysis.lastRecomputed.length} parcels recomputed`;
  const moved = structuredClone(programme.treated.features[0]!) as InputFeature & { geometry: { coordinates: number[][][] } };
  moved.geometry.coordinates = moved.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x! + 2e-5, y!]));
  start = cpu();
  analysis.updateTreated({ feature: moved });
  analysis.results();
  const edit = `treated polygon moved 2 m: ${s(cpu() - start)}, ${analysis.lastRecomputed.length} parcels recomputed`;
  return [buffer, edit];
}

const HEADER = ['parcels', 'treated', 'engine', 'CLI process', 'CLI peak RSS', 'PostGIS exact', 'PostGIS subdivided', 'CLI vs faster PostGIS', 'engine vs faster', 'PostGIS peak'];
const WIDTHS = [8, 8, 22, 12, 13, 14, 19, 22, 17, 12];
/** Rows are printed as they come: a 50k run takes a while. */
const printRow = (row: readonly string[]): void => console.log(row.map((cell, c) => cell.padEnd(WIDTHS[c]!)).join('  '));

// The exact query by the book overlays each parcel with a whole dissolved layer: 41 s of CPU at
// 10k, growing with parcels × layer size, so above 10k it runs only when asked (FULV_BENCH_EXACT=1).
const variantsFor = (parcels: number): Variant[] => (parcels <= 10_000 || process.env.FULV_BENCH_EXACT === '1' ? ['exact', 'subdivided'] : ['subdivided']);

await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'warn' });
const geos = await loadGeos();
// Warm the JIT and GEOS once, as a long-running app or worker would be.
timeEngine(geos, scaleProgramme({ parcels: 500, treated: 250, seed: 99 })).analysis.dispose();
const db: PostgisCluster = await startPostgis();
const load = process.env.FULV_BENCH_LOAD ?? (await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`Fulv analysis bench — Node ${process.version}, ${new Date().toISOString()}, load average ${load}`);
console.log(`PostGIS: ${db.psql('SELECT postgis_lib_version() || \' (GEOS \' || postgis_geos_version() || \')\';').trim()}, one core (no parallel workers), backend CPU from /proc\n`);
printRow(HEADER);
const notes: string[] = [];
try {
  for (const [parcels, treated] of SIZES) {
    const programme = scaleProgramme({ parcels, treated });
    const dir = mkdtempSync(join(tmpdir(), 'fulv-bench-'));
    for (const [name, text] of Object.entries(programmeFiles(programme))) writeFileSync(join(dir, name), text);
    const runs = parcels <= 10_000 ? 3 : 1;
    const engine = [];
    for (let i = 0; i < runs; i++) {
      const run = timeEngine(geos, programme);
      engine.push(run);
      if (i < runs - 1) run.analysis.dispose();
    }
    const median = [...engine].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs / 2)]!;
    const last = engine[engine.length - 1]!;
    const cli = timeCli(dir);
    loadProgramme(db, geos, programme, distances);
    const variants = variantsFor(parcels);
    const postgis: Partial<Record<Variant, PostgisRun>> = Object.fromEntries(variants.map((v) => [v, runPostgis(db, v)]));
    const ran = variants.map((v) => postgis[v]!);
    const faster = Math.min(...ran.map((r) => r.cpuSeconds));
    const cell = (v: Variant): string => (postgis[v] ? s(postgis[v].cpuSeconds) : 'not run');
    printRow([
      parcels.toLocaleString('en'), treated.toLocaleString('en'), `${s(median.seconds)}${runs > 1 ? ` (median of ${runs})` : ''}`, s(cli.seconds), mb(cli.peakMb),
      cell('exact'), cell('subdivided'), `${(faster / cli.seconds).toFixed(1)}×`, `${(faster / median.seconds).toFixed(1)}×`,
      mb(Math.max(...ran.map((r) => r.peakMb))),
    ]);
    for (const v of variants) {
      const a = agreement(last.results, postgis[v]!);
      notes.push(`${parcels}: engine vs PostGIS ${v}: worst ${a.worst.toExponential(1)} of the parcel area (${a.what || 'none'}), ${a.worst <= 1e-6 ? 'within' : 'NOT within'} 1e-6; `
        + `zone lists differing ${a.zoneMismatches}, parcels missing ${a.missing}, treated outside parcels ${last.results.totals.treated_outside_parcels_m2.toFixed(1)} vs ${postgis[v]!.outside.toFixed(1)} m²`);
    }
    if (parcels >= 50_000) notes.push(...timeEdits(last.analysis, programme).map((line) => `${parcels} edit: ${line}`));
    last.analysis.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await db.stop();
}
console.log('');
for (const note of notes) console.log(note);
console.log('\nengine: new Analysis + results() in this process (validation, GEOS, buffers, overlaps, treated area, totals), CPU.');
console.log('CLI process: node dist-cli/analyze.mjs on the GeoJSON files, whole process CPU and peak RSS (getrusage).');
console.log('PostGIS: one session on the engine\'s own zone buffers (buffering not counted for PostGIS), backend CPU and peak RSS (VmHWM).');
console.log('Targets: 10k CLI ≤ 1.5 s and ≥ 5× faster than the faster PostGIS query, engine ≤ 0.5 s; 50k engine ≤ 5 s, ≤ 1 GB.');
