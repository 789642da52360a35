// `npm run bench`: the analysis engine against the naive Turf baseline on generated programmes
// of 1k, 10k and 50k parcels near Qian'an (40 roads/rivers + 30 protected polygons, general
// preset), in one process. The naive baseline is timed on a sample of parcels and extrapolated
// per parcel (at ~10 parcels/s a full run would take hours); the output says so.
import { Analysis } from '../../src/domain/analysis-engine.ts';
import { GENERAL_PRESET } from '../../src/domain/buffer-presets.ts';
import { loadGeos, type Geos } from '../../src/domain/geos/geos-loader.ts';
import { generateProgramme, type GeneratedProgramme } from '../helpers/programme/generate-programme.ts';
import { naiveBuffers, naiveParcelOverlap } from './naive-overlap.ts';

const SIZES = [1_000, 10_000, 50_000];
const NAIVE_SAMPLE = 25;
const distances = GENERAL_PRESET.distances;

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function timeEngine(geos: Geos, programme: GeneratedProgramme, withTreated: boolean): { ms: number; clips: number } {
  const start = performance.now();
  const analysis = new Analysis(geos, {
    parcels: programme.parcels.features, zones: programme.zones.features, mines: programme.mines, distances,
    treated: withTreated ? programme.treated.features : [],
  });
  analysis.results();
  const ms = performance.now() - start;
  const clips = analysis.counter.clips;
  analysis.dispose();
  return { ms, clips };
}

function timeNaive(programme: GeneratedProgramme): { buffersMs: number; perParcelMs: number } {
  let start = performance.now();
  const buffers = naiveBuffers(programme, distances);
  const buffersMs = performance.now() - start;
  const step = Math.floor(programme.parcels.features.length / NAIVE_SAMPLE);
  start = performance.now();
  for (let i = 0; i < NAIVE_SAMPLE; i++) naiveParcelOverlap(programme.parcels.features[i * step]!, buffers);
  return { buffersMs, perParcelMs: (performance.now() - start) / NAIVE_SAMPLE };
}

const geos = await loadGeos();
// Warm the JIT and GEOS once, as a long-running app or worker would be.
timeEngine(geos, generateProgramme({ parcels: 500, seed: 99 }), true);

console.log(`Fulv analysis bench — Node ${process.version}, one core, general preset (1 km roads/rivers), ${new Date().toISOString()}`);
console.log('engine = GEOS (geos-wasm) overlay, unioned per-type buffers cut into tiles, flatbush, prepared geometry, authalic-sphere area');
console.log(`naive  = turf.buffer every zone + turf.intersect every parcel × every buffer; timed on ${NAIVE_SAMPLE} sampled parcels per size, extrapolated per parcel\n`);
const rows: string[][] = [['parcels', 'engine overlaps', 'parcels/s', 'engine + treated', 'GEOS clips', 'naive (extrapolated)', 'naive parcels/s', 'ratio', 'rss', 'heap']];
for (const size of SIZES) {
  const programme = generateProgramme({ parcels: size, seed: 1 });
  const overlaps = timeEngine(geos, programme, false);
  const full = timeEngine(geos, programme, true);
  const naive = timeNaive(programme);
  const naiveMs = naive.buffersMs + naive.perParcelMs * size;
  const memory = process.memoryUsage();
  rows.push([
    String(size), seconds(overlaps.ms), (size / (overlaps.ms / 1000)).toFixed(0), seconds(full.ms), String(full.clips),
    `${seconds(naiveMs)} (buffers ${seconds(naive.buffersMs)} + ${naive.perParcelMs.toFixed(0)} ms/parcel)`,
    (size / (naiveMs / 1000)).toFixed(1), `${(naiveMs / overlaps.ms).toFixed(0)}×`, mb(memory.rss), mb(memory.heapUsed),
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log('\n"engine overlaps": parcels × every zone type and all types together, zone ids, areas; "engine + treated" adds');
console.log('treated area per parcel and year and treated area outside parcels (half as many treated polygons as parcels).');
console.log('ratio = naive (extrapolated) / engine overlaps. Targets: 10k parcels < 1 s; ≥ 50× naive at 10k.');
