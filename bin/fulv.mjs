#!/usr/bin/env node
// `node bin/fulv.mjs analyze|convert ARGS…` (what `npm run analyze` and `npm run convert` run):
// runs the prebuilt JavaScript of the command in this process, building it first with
// `vite build --config vite.cli.config.ts` when it is missing or older than a source file it was
// built from (dist-cli/inputs.json lists them), so a fresh clone and an edited source both work.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMMANDS = ['analyze', 'convert'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-cli');

function stale() {
  const inputs = join(outDir, 'inputs.json');
  if (!existsSync(inputs) || !COMMANDS.every((c) => existsSync(join(outDir, `${c}.mjs`)))) return true;
  const built = statSync(inputs).mtimeMs;
  const sources = [...JSON.parse(readFileSync(inputs, 'utf8')), 'vite.cli.config.ts', 'package-lock.json'];
  return sources.some((file) => !existsSync(join(root, file)) || statSync(join(root, file)).mtimeMs > built);
}

const command = process.argv[2];
if (!COMMANDS.includes(command)) {
  process.stderr.write(`usage: node bin/fulv.mjs ${COMMANDS.join('|')} ARGS…\n`);
  process.exit(2);
}
if (stale()) {
  process.stderr.write('fulv: building the command-line tools (npm run build:cli)…\n');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'warn' });
}
// The command reads its own arguments from process.argv, as when run as `node dist-cli/analyze.mjs`.
process.argv.splice(2, 1);
await import(pathToFileURL(join(outDir, `${command}.mjs`)).href);
