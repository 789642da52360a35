// Runs one of Fulv's command-line programs (src/cli) as a user would, in one Node process (tsx
// loaded in it rather than through its wrapper, so that the process measured is the program's),
// and reports how it ended, how long it took and its peak resident memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const reporter = pathToFileURL(fileURLToPath(new URL('report-max-rss.mjs', import.meta.url))).href;

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory in MiB; NaN when the process died before it could report it. */
  maxRssMb: number;
  /** User and system CPU seconds of the process (a shared machine stretches `seconds`, not these). */
  cpuSeconds: number;
}

export function runCli(program: 'convert' | 'analyze', args: readonly string[], timeoutMs = 120_000): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'fulv-rss-'));
  const rssFile = join(dir, 'max-rss');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', reporter, join(root, `src/cli/${program}.ts`), ...args], {
    cwd: root, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FULV_MAX_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - started) / 1000;
  let maxRssMb = Number.NaN;
  let cpuSeconds = Number.NaN;
  try {
    const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number };
    maxRssMb = usage.maxRSS / 1024;
    cpuSeconds = usage.cpu / 1e6;
  } catch {
    // No report: the process was killed (timeout) or crashed before exiting normally.
  }
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr, seconds, maxRssMb, cpuSeconds };
}
