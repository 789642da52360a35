// The Global Energy Monitor mine boundaries copied into tests/fixtures/gem (CC BY 4.0).
import { readFileSync } from 'node:fs';
import type { InputFeature } from '../../src/domain/analysis-types.ts';
import { deepFreeze } from './analysis-features.ts';

export function gemFeatures(name: 'china' | 'tangshan'): InputFeature[] {
  const url = new URL(`../fixtures/gem/gem_coal_mine_boundaries_${name}.geojson`, import.meta.url);
  return deepFreeze((JSON.parse(readFileSync(url, 'utf8')) as { features: InputFeature[] }).features);
}

export function gemFeature(name: 'china' | 'tangshan', id: string): InputFeature {
  const found = gemFeatures(name).find((f) => (f.properties as { id?: string } | null)?.id === id);
  if (!found) throw new Error(`no GEM feature ${id}`);
  return found;
}
