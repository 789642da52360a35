// GDAL's and PROJ's command-line tools, the independent judges of the interchange tests. They
// are installed by tests/install-gdal.sh (run by `npm test`); a missing tool fails the test
// with the command to run, rather than skipping it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type GdalTool = 'ogrinfo' | 'ogr2ogr' | 'cs2cs' | 'projinfo' | 'gdal_translate' | 'gdalinfo' | 'gdalwarp' | 'gdaladdo';

export function tool(name: GdalTool, args: readonly string[], input?: string): string {
  const run = spawnSync(name, args, { encoding: 'utf8', input, env: { ...process.env, CPL_LOG: '/dev/null' } });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${name} is missing: run "bash tests/install-gdal.sh" (or apt-get install gdal-bin proj-bin)`);
  }
  if (run.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `fulv-${prefix}-`));
}

export function writeScratch(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** cs2cs between two EPSG codes, in EPSG axis order (lat lon for geographic, northing easting for GK). */
export function cs2cs(from: string, to: string, points: readonly (readonly [number, number])[]): [number, number][] {
  const out = tool('cs2cs', ['-f', '%.6f', from, to], points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n');
  return out.trim().split('\n').map((line) => {
    const [a, b] = line.trim().split(/\s+/);
    return [Number(a), Number(b)];
  });
}

/** Features of `ogrinfo -al` output: attribute maps per feature, in order. */
export function ogrFeatures(output: string): Record<string, string>[] {
  const features: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of output.split('\n')) {
    if (/^OGRFeature\(/.test(line)) {
      current = {};
      features.push(current);
      continue;
    }
    const match = /^ {2}(.+?) \([A-Za-z0-9]+\) = (.*)$/.exec(line);
    if (current && match) current[match[1]!] = match[2]!;
  }
  return features;
}
