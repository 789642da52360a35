// `npm run bench:kml`: `convert` reads a 50 MB KML of 125,000 parcels (the file of issue 13,
// which took 156 s and 1.9 GB when KML went through a DOM) and writes GeoJSON. Prints the
// seconds and the peak resident memory of the convert process against the targets: under 30 s
// and under 1 GB on the 2-core machine.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parcelsKml } from '../helpers/kml-placemarks.ts';
import { runCli } from '../helpers/cli/run-cli.ts';

const COUNT = 125_000;
const dir = mkdtempSync(join(tmpdir(), 'fulv-bench-kml-'));
const input = join(dir, 'parcels.kml');
const out = createWriteStream(input);
for (const piece of parcelsKml(COUNT)) if (!out.write(piece)) await once(out, 'drain');
out.end();
await once(out, 'finish');
const size = statSync(input).size;
console.log(`KML: ${COUNT.toLocaleString('en')} placemarks, ${(size / 2 ** 20).toFixed(1)} MB`);

const run = runCli('convert', [input, join(dir, 'parcels.geojson')], 600_000);
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(`convert failed (${run.status ?? run.signal}): ${run.stderr.trim().split('\n').at(-1)}`);
  process.exit(1);
}
console.log(run.stderr.trim().split('\n').at(-1));
const secondsOk = run.seconds < 30;
const memoryOk = run.maxRssMb < 1024;
console.log(`convert: ${run.seconds.toFixed(1)} s (target < 30 s: ${secondsOk ? 'met' : 'MISSED'}; ${run.cpuSeconds.toFixed(1)} s of CPU), peak memory ${run.maxRssMb.toFixed(0)} MB (target < 1024 MB: ${memoryOk ? 'met' : 'MISSED'})`);
console.log(`load average while it ran: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
process.exitCode = secondsOk && memoryOk ? 0 : 1;
