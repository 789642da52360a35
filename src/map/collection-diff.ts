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

/**
 * The diff from `before` to `after`, or 'full' when the collection must be sent whole (no
 * unique ids, or so much changed that a diff would cost more), or null when nothing changed.
 */
export function collectionDiff(before: FeatureCollection, after: FeatureCollection): CollectionDiff | 'full' | null {
  if (before === after) return null;
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
