// `npm run demo`: rewrites data/demo/ from the seeded generator (or into the folder given as
// the first argument). Running it twice gives byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from './demo-generator/build.ts';

const outDir = process.argv[2] ?? fileURLToPath(new URL('./demo/', import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(buildDemo())) {
  writeFileSync(join(outDir, name), text);
  console.log(`wrote ${join(outDir, name)}`);
}
