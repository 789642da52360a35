// `npm run demo:scale -- PARCELS [TREATED] [OUT_DIR]`: writes a province-scale programme in the
// layout of data/demo/ (default 50,000 parcels, a tenth of them treated, into ./scale-programme/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { programmeFiles } from './scale-generator/programme-files.ts';
import { scaleProgramme } from './scale-generator/scale-programme.ts';

const parcels = Number(process.argv[2] ?? 50_000);
const treated = Number(process.argv[3] ?? Math.round(parcels / 10));
const outDir = process.argv[4] ?? 'scale-programme';
if (!Number.isInteger(parcels) || parcels < 1 || !Number.isInteger(treated) || treated < 0 || treated > parcels) {
  console.error('usage: npm run demo:scale -- PARCELS [TREATED] [OUT_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(programmeFiles(scaleProgramme({ parcels, treated })))) {
  writeFileSync(join(outDir, name), text);
  console.log(`wrote ${join(outDir, name)} (${(text.length / 2 ** 20).toFixed(1)} MB)`);
}
