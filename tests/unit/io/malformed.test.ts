// The corpus of broken inputs (tests/fixtures/malformed, made by make-corpus.ts): each gives its
// specific error code, and nothing else comes back that could be stored.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportFile } from '../../../src/io/import-types.ts';
import { IO_ERROR_CODES } from '../../../src/io/io-result.ts';
import { readImport, type ImportOptions } from '../../../src/io/read-import.ts';

const dir = new URL('../../fixtures/malformed/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, { code: string; why: string; options?: Partial<ImportOptions> }>;

function filesOf(entry: string): ImportFile[] {
  const url = new URL(entry, dir);
  if (!statSync(url).isDirectory()) return [{ name: entry, bytes: new Uint8Array(readFileSync(url)) }];
  return readdirSync(url).map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, url))) }));
}

describe('malformed inputs each give their own error code', () => {
  it('lists every file of the corpus in expected.json, with a known code', () => {
    const onDisk = readdirSync(dir).filter((n) => !['expected.json', 'make-corpus.ts'].includes(n)).map((n) => (statSync(new URL(n, dir)).isDirectory() ? `${n}/` : n));
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
    for (const { code } of Object.values(expected)) expect(IO_ERROR_CODES).toContain(code);
  });

  it.each(Object.entries(expected))('%s → %s', async (entry, { code, options }) => {
    const r = await readImport(filesOf(entry), { layer: 'parcels', ...options });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.reason.length).toBeGreaterThan(20);
    expect(r).not.toHaveProperty('value');
  });
});
