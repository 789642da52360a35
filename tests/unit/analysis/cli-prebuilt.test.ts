import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { writeResultsJson } from '../../../src/cli/json-output.ts';
import { parcel, rect, treated, zone } from '../../helpers/analysis-features.ts';
import { generateProgramme } from '../../helpers/programme/generate-programme.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fulv-prebuilt-'));
const collection = (features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });

async function streamed(results: Parameters<typeof writeResultsJson>[1]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeResultsJson(out, results);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('the analysis as streamed JSON', () => {
  it('is the text JSON.stringify gives, over several chunks, and for no parcels', async () => {
    const programme = generateProgramme({ parcels: 200, seed: 3 });
    const analysis = await createAnalysis({ parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features, distances: GENERAL_PRESET.distances });
    const one = analysis.results();
    analysis.dispose();
    // Enough parcels for several chunks.
    const results = { ...one, parcels: Array.from({ length: 30 }, () => one.parcels).flat() };
    const text = await streamed(results);
    expect(text.length).toBeGreaterThan(2 << 20);
    expect(text).toBe(`${JSON.stringify(results, null, 2)}\n`);
    const empty = { ...results, parcels: [] };
    expect(await streamed(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});

describe('npm run analyze', () => {
  it('runs the prebuilt JavaScript with node alone and prints what the TypeScript source prints', () => {
    const files = {
      parcels: collection([parcel('P1', rect(118.5, 40, 118.51, 40.01))]),
      zones: collection([zone('R', 'river_lake', { type: 'LineString', coordinates: [[118.5, 39.9], [118.5, 40.3]] })]),
      treated: collection([treated('T1', '2022-05-01', rect(118.505, 40, 118.515, 40.01))]),
    };
    const args = Object.entries(files).flatMap(([layer, text]) => {
      const path = join(dir, `${layer}.geojson`);
      writeFileSync(path, text);
      return [`--${layer}`, path];
    });
    // No loader flags: a TypeScript file anywhere on this path would fail to load.
    const built = spawnSync(process.execPath, [join(root, 'bin/fulv.mjs'), 'analyze', ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(built.status, built.stderr).toBe(0);
    const source = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/analyze.ts'), ...args], { encoding: 'utf8', cwd: root });
    expect(source.status).toBe(0);
    expect(built.stdout).toBe(source.stdout);
    expect(JSON.parse(built.stdout).parcels[0].treated_m2).toBeGreaterThan(0);
  });
});
