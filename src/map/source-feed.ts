// Keeps a GeoJSON source in step with the app's collections: each collection goes to MapLibre's
// worker once; later versions go as `updateData` diffs of the features that changed (an edit is
// one feature among thousands), and an unchanged collection is not sent at all.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { collectionDiff } from './collection-diff.ts';

export type FeedOutcome = 'unchanged' | 'diff' | 'full';

export class SourceFeeds {
  private readonly sent = new Map<string, FeatureCollection>();

  constructor(private readonly map: MapLibreMap) {}

  push(sourceId: string, data: FeatureCollection): FeedOutcome {
    const source = this.map.getSource(sourceId);
    if (!source || source.type !== 'geojson') return 'unchanged';
    const before = this.sent.get(sourceId);
    this.sent.set(sourceId, data);
    const diff = before ? collectionDiff(before, data) : 'full';
    if (diff === null) return 'unchanged';
    // Failures also arrive as the map's 'error' events; the promises need no second report.
    if (diff === 'full') {
      (source as GeoJSONSource).setData(data).catch(() => undefined);
      return 'full';
    }
    (source as GeoJSONSource).updateData({ remove: diff.remove, add: diff.add }).catch(() => undefined);
    return 'diff';
  }
}
