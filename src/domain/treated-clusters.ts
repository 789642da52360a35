// Treated polygons grouped into connected clusters: polygons that meet, directly or through
// others. Two clusters never share area, so what lies outside the parcels can be measured one
// cluster at a time, with one union each, and an edit redoes only the clusters it reaches.
import type Flatbush from 'flatbush';
import type { TreatedItem } from './analysis-items.ts';
import type { Geos } from './geos/geos-loader.ts';
import { searchBBox } from './spatial-index.ts';

/** The clusters that hold `seeds`, among the polygons `counts` accepts; each once. */
export function treatedClusters(
  geos: Geos, seeds: Iterable<TreatedItem>, counts: (t: TreatedItem) => boolean, treated: readonly TreatedItem[], index: Flatbush | null,
): TreatedItem[][] {
  const seen = new Set<TreatedItem>();
  const clusters: TreatedItem[][] = [];
  for (const seed of seeds) {
    if (seen.has(seed) || !counts(seed)) continue;
    seen.add(seed);
    const cluster = [seed];
    for (let k = 0; k < cluster.length; k++) {
      const t = cluster[k]!;
      for (const i of searchBBox(index, t.bbox)) {
        const u = treated[i]!;
        if (seen.has(u) || !counts(u) || geos.GEOSPreparedIntersects(t.prepared, u.geometry) !== 1) continue;
        seen.add(u);
        cluster.push(u);
      }
    }
    clusters.push(cluster);
  }
  return clusters;
}
