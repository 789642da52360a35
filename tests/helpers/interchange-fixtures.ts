// The interchange fixtures (tests/fixtures/interchange, made by GDAL and PROJ with
// make-fixtures.sh) and the source they were made from, which is the truth the tests compare to.
import { readFileSync } from 'node:fs';
import type { Feature, Geometry } from 'geojson';
import type { ImportFile, ImportPreview } from '../../src/io/import-types.ts';
import { readImport, type ImportOptions } from '../../src/io/read-import.ts';
import { deepFreeze } from './analysis-features.ts';

export function fixtureFile(name: string, as = name): ImportFile {
  return { name: as.replace(/^.*\//, ''), bytes: new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url))) };
}

export type SourceParcel = Feature<Geometry, Record<string, string | number>>;

export function sourceParcels(): SourceParcel[] {
  const text = readFileSync(new URL('../fixtures/interchange/parcels-source.geojson', import.meta.url), 'utf8');
  return deepFreeze((JSON.parse(text) as { features: SourceParcel[] }).features);
}

export async function preview(files: ImportFile[], options: Partial<ImportOptions> = {}): Promise<ImportPreview> {
  const r = await readImport(files, { layer: 'parcels', ...options });
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.value;
}
