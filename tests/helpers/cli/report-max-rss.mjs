// Loaded with `node --import` into a CLI run by a test or bench: on exit, the process's peak
// resident memory (getrusage's ru_maxrss, in KiB) is written to the file FULV_MAX_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.FULV_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
