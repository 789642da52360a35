// `npm run bench:map`: the production build in headless Chromium (SwiftShader, software WebGL)
// with generated province-scale programmes of 5k, 20k and 50k parcels (a tenth of them treated):
// time to the first full render of the map, the main thread's longest task while loading, time
// for a drawn polygon to appear on the map and for the planner's figures to follow it or a
// buffer-distance change, and the longest task while panning. BENCH_RUNS runs (default 3), each
// in a fresh browser context, with the machine's load average; medians and ranges at the end.
// Run after `vite build` (the npm script does).
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser.ts';
import { toLonLat, toMetric } from '../../data/demo-generator/frame.ts';
import { CELL_M } from '../../data/scale-generator/scale-layout.ts';
import { programmeFiles } from '../../data/scale-generator/programme-files.ts';
import { scaleProgramme } from '../../data/scale-generator/scale-programme.ts';
import { openSurveyTab, timeEdit, type EditTiming } from './map-bench/measure-edit.ts';
import { openBufferSettings, residentialBuffer, timeBufferChange } from './map-bench/measure-figures.ts';
import { scrollConflictList } from './map-bench/measure-list.ts';
import { longestTaskWhilePanning } from './map-bench/measure-pan.ts';
import { firstFullRender, longTasksSince, recordLongTasks, waitForStore, waitIdle } from './map-bench/page-probes.ts';
import { routeProgramme } from './map-bench/programme-routes.ts';
import { serveDist } from './map-bench/serve-dist.ts';

const SIZES = (process.env.BENCH_SIZES ?? '5000,20000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// The first edit of a session pays one-off costs; five give a steadier median.
const EDITS = 5;
const BUFFER_CHANGES = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${Math.round(x)} ms`;
const s = (x: number): string => `${(x / 1000).toFixed(1)} s`;
/** Median and worst of a few measurements. */
const spread = (xs: number[], f = ms): string => `${f(median(xs))} (max ${f(Math.max(...xs))})`;
/** Median and range of runs. */
const range = (xs: number[], f = ms): string => `${f(median(xs))} [${f(Math.min(...xs))}–${f(Math.max(...xs))}]`;
const longest = (tasks: { duration: number }[]): number => Math.max(0, ...tasks.map((t) => t.duration));

interface Run {
  size: number; treated: number; load: string;
  rendered: number; reloaded: number; loadTask: number; reloadTask: number;
  edits: EditTiming[]; buffers: number[];
  panClose: { longestMs: number; over50: number }; panFar: { longestMs: number; over50: number };
  list: { rows: number; rendered: number; longestScrollTaskMs: number };
}

async function measure(browser: Browser, url: string, size: number): Promise<Run> {
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  const programme = scaleProgramme({ parcels: size, treated: Math.round(size / 10) });
  const files = programmeFiles(programme);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
  try {
    await routeProgramme(context, files);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await recordLongTasks(page);
    await page.goto(url);
    const rendered = await firstFullRender(page, 300_000);
    await waitForStore(page, 300_000);
    await waitIdle(page, 300_000);
    const loadTask = longest(await longTasksSince(page, 0));

    // A returning user: the programme is already in IndexedDB, so no seeding.
    await page.reload();
    const reloaded = await firstFullRender(page, 300_000);
    await waitForStore(page, 300_000);
    await waitIdle(page, 300_000);
    const reloadTask = longest(await longTasksSince(page, 0));

    await openSurveyTab(page);
    const edits: EditTiming[] = [];
    for (let i = 0; i < EDITS; i++) {
      // A corner of a mine's cell: the farthest point from every parcel, so empty ground.
      const [x, y] = toMetric(programme.mines[i * 7]!.location);
      edits.push(await timeEdit(page, toLonLat([x + CELL_M / 2, y + CELL_M / 2]) as [number, number]));
    }
    await openBufferSettings(page);
    const base = await residentialBuffer(page);
    const buffers: number[] = [];
    for (let i = 0; i < BUFFER_CHANGES; i++) buffers.push(await timeBufferChange(page, base + (i % 2 === 0 ? 100 : 0)));
    const list = await scrollConflictList(page);
    const centre = programme.mines[Math.floor(programme.mines.length / 2)]!.location;
    const panClose = await longestTaskWhilePanning(page, centre, 11);
    const panFar = await longestTaskWhilePanning(page, centre, 8);
    return { size, treated: programme.treated.features.length, load, rendered, reloaded, loadTask, reloadTask, edits, buffers, panClose, panFar, list };
  } finally {
    await context.close();
  }
}

const { url, server } = await serveDist();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
console.log(`Fulv map bench — Chromium ${browser.version()} headless, SwiftShader WebGL, 1280×800, production build, ${new Date().toISOString()}, ${RUNS} runs`);
const runs: Run[] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const size of SIZES) {
      const r = await measure(browser, url, size);
      runs.push(r);
      console.log([
        `run ${run}`, `${size} parcels`, `load average ${r.load}`, `first render ${s(r.rendered)}`, `reload ${s(r.reloaded)}`,
        `longest task loading ${ms(r.loadTask)}, reloading ${ms(r.reloadTask)}`,
        `edit visible ${spread(r.edits.map((e) => e.visibleMs))}`, `saved ${spread(r.edits.map((e) => e.committedMs))}`,
        `edit → figures ${spread(r.edits.map((e) => e.figuresMs))}`, `buffer → figures ${spread(r.buffers)}`,
        `pan z11 ${ms(r.panClose.longestMs)} (${r.panClose.over50} > 50 ms)`, `pan z8 ${ms(r.panFar.longestMs)} (${r.panFar.over50} > 50 ms)`,
        `list ${r.list.rows} (${r.list.rendered}), ${ms(r.list.longestScrollTaskMs)}`,
      ].join(' | '));
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const rows: string[][] = [['parcels', 'first full render', 'on reload', 'longest task loading (first, reload)', 'edit visible', 'edit → figures', 'buffer → figures', 'pan z11 longest task', 'pan z8 longest task', 'conflict list scroll']];
for (const size of SIZES) {
  const of = runs.filter((r) => r.size === size);
  // Per run the median of its edits or changes, then the median and range of those over runs;
  // "worst" is the single worst edit or change of all runs.
  const perRun = (f: (r: Run) => number[]) => of.map((r) => median(f(r)));
  const worst = (f: (r: Run) => number[]) => Math.max(...of.flatMap(f));
  rows.push([
    String(size), range(of.map((r) => r.rendered), s), range(of.map((r) => r.reloaded), s),
    `${range(of.map((r) => r.loadTask))}, ${range(of.map((r) => r.reloadTask))}`,
    `${range(perRun((r) => r.edits.map((e) => e.visibleMs)))} worst ${ms(worst((r) => r.edits.map((e) => e.visibleMs)))}`,
    `${range(perRun((r) => r.edits.map((e) => e.figuresMs)))} worst ${ms(worst((r) => r.edits.map((e) => e.figuresMs)))}`,
    `${range(perRun((r) => r.buffers))} worst ${ms(worst((r) => r.buffers))}`,
    range(of.map((r) => r.panClose.longestMs)), range(of.map((r) => r.panFar.longestMs)),
    `${of[0]!.list.rows} rows, ${range(of.map((r) => r.list.longestScrollTaskMs))}`,
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log('');
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log(`\nMedian [range] over ${RUNS} runs. "first full render": page load until the map is idle with every parcel in it, on a first`);
console.log('visit (the programme is seeded into IndexedDB) and on reload. "longest task loading": the longest main-thread task');
console.log('(PerformanceObserver longtask) from page start to that point. "edit visible": from the click that closes a drawn');
console.log('polygon to the end of the first frame that shows it (the save runs alongside); per run the median of 5 edits.');
console.log('"edit → figures": from the same click until the planner\'s conflict list is current (not busy), its tab opened as');
console.log('soon as the edit is saved. "buffer → figures": from typing a new residential buffer distance (the field waits 400 ms');
console.log('for typing to stop) to the frame showing the new conflict summary; per run the median of 3 changes. "pan": longest');
console.log('main-thread task over 8 mouse drags at zoom 11 and at zoom 8 (all parcels in view). Targets at 50k: figures 2 s after a');
console.log('buffer change and 200 ms after an edit, edit visible < 100 ms, no task > 200 ms while loading or panning, first render < 15 s.');
