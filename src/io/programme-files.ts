// Assembles a Programme from its files (programme.json plus three GeoJSON collections), checking
// the shape of each so a wrong or truncated file is reported instead of breaking the map.
import { fail, ok, type Result } from '../lib/result.ts';
import type { Programme } from '../domain/model.ts';

type ProgrammeMeta = Omit<Programme, 'parcels' | 'treated' | 'zones'>;

function isFeatureCollection(value: unknown): value is { type: 'FeatureCollection'; features: unknown[] } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'FeatureCollection'
    && Array.isArray((value as { features?: unknown }).features);
}

export function assembleProgramme(meta: unknown, parcels: unknown, treated: unknown, zones: unknown): Result<Programme> {
  if (typeof meta !== 'object' || meta === null) return fail('programme.json is not an object');
  const m = meta as Partial<ProgrammeMeta>;
  if (!Array.isArray(m.mines) || !Array.isArray(m.townships) || typeof m.id !== 'string') {
    return fail('programme.json lacks id, townships or mines');
  }
  for (const [name, fc] of [['parcels', parcels], ['treated', treated], ['zones', zones]] as const) {
    if (!isFeatureCollection(fc)) return fail(`${name} is not a GeoJSON FeatureCollection`);
  }
  return ok({ ...(m as ProgrammeMeta), parcels, treated, zones } as Programme);
}
