// Buffer distances are configuration, grouped in named presets (DOMAIN.md "Buffer distances"):
// no national rule fixes them, so each preset says where its numbers come from.
import { ZONE_TYPES, type ZoneType } from './model.ts';

export type BufferDistances = Readonly<Record<ZoneType, number>>;

export interface BufferPreset {
  name: string;
  name_en: string;
  distances: BufferDistances;
  source: string;
}

export const GENERAL_PRESET: BufferPreset = Object.freeze({
  name: '通用',
  name_en: 'general',
  distances: Object.freeze({
    nature_reserve: 1000, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 1000, river_lake: 1000,
  }),
  source: "Fulv's default, stated as a default and not a rule: 国土资发〔2016〕63号 names the zones but sets no distances.",
});

export const YANGTZE_PRESET: BufferPreset = Object.freeze({
  name: '长江经济带',
  name_en: 'Yangtze Economic Belt',
  distances: Object.freeze({ ...GENERAL_PRESET.distances, river_lake: 10_000 }),
  source: '自然资源部办公厅 (2019): abandoned open pits within 10 km of each bank of the main stream and named tributaries.',
});

export const BUILT_IN_PRESETS: readonly BufferPreset[] = Object.freeze([GENERAL_PRESET, YANGTZE_PRESET]);

export function findPreset(name: string, presets: readonly BufferPreset[] = BUILT_IN_PRESETS): BufferPreset | undefined {
  return presets.find((p) => p.name === name || p.name_en.toLowerCase() === name.toLowerCase());
}

/** Above this a "buffer" is a region, not a surrounding; almost certainly a unit mistake. */
export const MAX_BUFFER_METRES = 100_000;

export type DistancesCheck = { valid: true; distances: BufferDistances } | { valid: false; reason: string };

export function validateBufferDistance(type: string, metres: unknown): string | null {
  if (!(ZONE_TYPES as readonly string[]).includes(type)) return `unknown zone type "${type}"; expected one of ${ZONE_TYPES.join(', ')}`;
  if (typeof metres !== 'number' || !Number.isFinite(metres)) return `buffer distance for ${type} is not a number`;
  if (metres < 0) return `buffer distance for ${type} is negative (${metres} m)`;
  if (metres > MAX_BUFFER_METRES) return `buffer distance for ${type} is ${metres} m, above ${MAX_BUFFER_METRES} m`;
  return null;
}

/**
 * A user-defined preset or a B.json file: zone type → metres. Types left out take the base
 * preset's distance, so a planner can override just one.
 */
export function validateBufferDistances(value: unknown, base: BufferDistances = GENERAL_PRESET.distances): DistancesCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { valid: false, reason: 'buffer distances must be an object mapping zone type to metres' };
  }
  const distances: Record<ZoneType, number> = { ...base };
  for (const [type, metres] of Object.entries(value)) {
    const problem = validateBufferDistance(type, metres);
    if (problem) return { valid: false, reason: problem };
    distances[type as ZoneType] = metres as number;
  }
  return { valid: true, distances };
}
