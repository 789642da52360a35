// Loaded with `node --import` into a CLI run by a test or bench: on exit, the process's peak
// resident memory (getrusage's ru_maxrss, in KiB) and CPU time (µs) are written, as JSON, to the
// file FULV_MAX_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.FULV_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
  });
}
