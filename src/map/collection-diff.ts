// What changed between two versions of a feature collection, by feature id and object identity:
// the field store keeps every unchanged feature's object from one snapshot to the next, so an
// edit shows up as one or two changed objects among thousands. No MapLibre here, so the rule
// that decides between a diff and a full reload is tested in Node.
import type { Feature, FeatureCollection } from 'geojson';

export type FeatureKey = string | number;

export interface CollectionDiff {
  /** Ids of features gone from the collection. */
  remove: FeatureKey[];
  /** New features, and changed ones (a feature added with an existing id replaces it). */
  add: Feature[];
}

/** Beyond this share of changed features a full reload is cheaper than a diff. */
const MAX_CHANGED_SHARE = 0.25;

/** The `id` property, which the sources promote to feature id (5 and '5' stay distinct, as there). */
function featureId(feature: Feature): FeatureKey | null {
  const id: unknown = feature.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

function byId(collection: FeatureCollection): Map<FeatureKey, Feature> | null {
  const map = new Map<FeatureKey, Feature>();
  for (const feature of collection.features) {
    const id = featureId(feature);
    // A diff needs unique ids on both sides (MapLibre refuses updateData otherwise).
    if (id === null || map.has(id)) return null;
    map.set(id, feature);
  }
  return map;
}

/** Collections whose ids are known to be unique (each checked once, or inherited by a successor). */
const uniqueIds = new WeakMap<FeatureCollection, boolean>();

/** Whether every feature has an id of its own (which a diff, and so a slice, needs). */
export function idsUnique(collection: FeatureCollection): boolean {
  let unique = uniqueIds.get(collection);
  if (unique === undefined) {
    unique = byId(collection) !== null;
    uniqueIds.set(collection, unique);
  }
  return unique;
}

/**
 * The common edit, feature for feature in the same order (a status or a shape changed in place):
 * compared position by position, without building maps of 50,000 ids on every edit. Undefined
 * when the two do not line up.
 */
function alignedDiff(before: FeatureCollection, after: FeatureCollection, limit: number): CollectionDiff | 'full' | null | undefined {
  if (before.features.length !== after.features.length || !idsUnique(before)) return undefined;
  const add: Feature[] = [];
  for (let i = 0; i < after.features.length; i++) {
    const [was, now] = [before.features[i]!, after.features[i]!];
    if (was === now) continue;
    const id = featureId(now);
    if (id === null || id !== featureId(was)) return undefined;
    add.push(now);
  }
  // Same ids in the same places: as unique as before.
  uniqueIds.set(after, true);
  if (add.length > limit) return 'full';
  return add.length === 0 ? null : { remove: [], add };
}

/**
 * The diff from `before` to `after`, or 'full' when the collection must be sent whole (no
 * unique ids, or so much changed that a diff would cost more), or null when nothing changed.
 */
export function collectionDiff(before: FeatureCollection, after: FeatureCollection): CollectionDiff | 'full' | null {
  if (before === after) return null;
  const aligned = alignedDiff(before, after, Math.max(1, Math.ceil(MAX_CHANGED_SHARE * before.features.length)));
  if (aligned !== undefined) return aligned;
  const old = byId(before);
  const now = byId(after);
  if (!old || !now) return 'full';
  const diff: CollectionDiff = { remove: [], add: [] };
  const limit = Math.max(1, Math.ceil(MAX_CHANGED_SHARE * Math.max(old.size, now.size)));
  for (const [id, feature] of now) {
    if (old.get(id) !== feature) diff.add.push(feature);
  }
  for (const id of old.keys()) if (!now.has(id)) diff.remove.push(id);
  if (diff.add.length + diff.remove.length > limit) return 'full';
  return diff.add.length + diff.remove.length === 0 ? null : diff;
}
