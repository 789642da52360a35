// What a newer seed (e.g. a regenerated demo programme) may change in a database that already
// holds a surveyor's work. The rule: reference layers (townships, mines, parcels, zones,
// targets), which nobody edits in Fulv, follow the seed; treated polygons are add-only — a seed
// polygon whose id the database has ever held (untouched, edited or deleted) is left alone, so
// an edit is never overwritten and a deletion never undone by an update.
import type { TreatedFeature } from '../domain/model.ts';

export interface SeedState {
  /** Fingerprints of every seed version applied to this database, oldest first. */
  applied: readonly string[];
}

export type ReseedDecision = 'seed' | 'reseed' | 'none';

/**
 * 'seed' for an empty database; 'reseed' for a seed version never applied before; 'none' for
 * one applied before, current or older (a cached tab of the build that first seeded the
 * database must not roll back a newer seed's reference layers). Fingerprints are not ordered,
 * so a seed never applied here counts as newer.
 */
export function reseedDecision(state: SeedState | null, fingerprint: string): ReseedDecision {
  if (!state) return 'seed';
  return state.applied.includes(fingerprint) ? 'none' : 'reseed';
}

/** The seed's treated polygons that a reseed adds: those whose id the database never held. */
export function treatedToAdd(seed: readonly TreatedFeature[], knownIds: ReadonlySet<string>): TreatedFeature[] {
  return seed.filter((feature) => !knownIds.has(feature.properties.id));
}
