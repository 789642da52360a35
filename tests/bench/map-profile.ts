// `BENCH_DIST=/tmp/dist-unminified tsx tests/bench/map-profile.ts [parcels]`: where the main thread
// spends its long stretches while a province-scale programme loads (first visit, then reload).
// Chromium's sampling profiler (CDP Profiler domain) on the page; each stretch of busy samples
// over 150 ms is printed with the functions it spent its time in (inclusive, so callers show).
// Profile an unminified build (`vite build --minify false --outDir …`) to read the names.
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser.ts';
import { programmeFiles } from '../../data/scale-generator/programme-files.ts';
import { scaleProgramme } from '../../data/scale-generator/scale-programme.ts';
import { firstFullRender, longTasksSince, recordLongTasks, waitForStore, waitIdle } from './map-bench/page-probes.ts';
import { routeProgramme } from './map-bench/programme-routes.ts';
import { serveDist } from './map-bench/serve-dist.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

function stretches(profile: Profile, minMs: number): void {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  let run: { ms: number; ids: number[]; dts: number[] } = { ms: 0, ids: [], dts: [] };
  const flush = () => {
    if (run.ms >= minMs) {
      const inclusive = new Map<string, number>();
      run.ids.forEach((id, i) => {
        const seen = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const key = name(byId.get(n)!);
          if (seen.has(key)) continue;
          seen.add(key);
          inclusive.set(key, (inclusive.get(key) ?? 0) + run.dts[i]!);
        }
      });
      const top = [...inclusive].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log(`\n— busy stretch ${Math.round(run.ms)} ms`);
      for (const [k, us] of top) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
    }
    run = { ms: 0, ids: [], dts: [] };
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    if (IDLE.has(node.callFrame.functionName) && node.callFrame.functionName !== '(garbage collector)') return flush();
    run.ms += dt;
    run.ids.push(id);
    run.dts.push(dt * 1000);
  });
  flush();
}

async function profiled(cdp: CDPSession, page: Page, load: () => Promise<unknown>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await load();
  const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: Profile };
  stretches(profile, 150);
  const tasks = await longTasksSince(page, 0);
  console.log(`long tasks: ${tasks.map((t) => Math.round(t.duration)).join(', ')}`);
}

const size = Number(process.argv[2] ?? 50000);
const programme = scaleProgramme({ parcels: size, treated: Math.round(size / 10) });
const { url, server } = await serveDist();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
  await routeProgramme(context, programmeFiles(programme));
  const page = await context.newPage();
  await recordLongTasks(page);
  const cdp = await context.newCDPSession(page);
  const settle = async () => {
    const t = await firstFullRender(page, 300_000);
    await waitForStore(page, 300_000);
    await waitIdle(page, 300_000);
    console.log(`first full render at ${(t / 1000).toFixed(1)} s`);
  };
  console.log(`== first visit, ${size} parcels`);
  await profiled(cdp, page, async () => { await page.goto(url); await settle(); });
  console.log('== reload');
  await profiled(cdp, page, async () => { await page.reload(); await settle(); });
} finally {
  await browser.close();
  await server.close();
}
