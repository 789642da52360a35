// Keeps a GeoJSON source in step with the app's collections: each collection goes to MapLibre's
// worker once; later versions go as `updateData` diffs of the features that changed (an edit is
// one feature among thousands), and an unchanged collection is not sent at all.
//
// A feature can also be shown before its collection arrives (a drawn polygon while it is being
// saved) through a pending display drawn in the next frame (map/pending-polygons-layer.ts): even
// a diff makes MapLibre's worker re-index the whole source and reload its tiles first.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { collectionDiff } from './collection-diff.ts';

export type FeedOutcome = 'unchanged' | 'diff' | 'full';

/** Where features wait while their collection is on its way. */
export interface PendingDisplay {
  set(features: Feature[]): void;
}

export class SourceFeeds {
  private readonly sent = new Map<string, FeatureCollection>();
  private readonly pending = new Map<string, Feature[]>();

  constructor(private readonly map: MapLibreMap, private readonly displays: Partial<Record<string, PendingDisplay>> = {}) {}

  push(sourceId: string, data: FeatureCollection): FeedOutcome {
    const source = this.map.getSource(sourceId);
    if (!source || source.type !== 'geojson') return 'unchanged';
    const before = this.sent.get(sourceId);
    this.sent.set(sourceId, data);
    const diff = before ? collectionDiff(before, data) : 'full';
    if (diff === null) return 'unchanged';
    const geojson = source as GeoJSONSource;
    // Failures also arrive as the map's 'error' events; the promises need no second report.
    const sending = diff === 'full' ? geojson.setData(data) : geojson.updateData({ remove: diff.remove, add: diff.add });
    void sending.then(() => this.settlePending(sourceId, data), () => undefined);
    return diff === 'full' ? 'full' : 'diff';
  }

  /** What was last sent to a source. */
  collection(sourceId: string): FeatureCollection | undefined {
    return this.sent.get(sourceId);
  }

  /** A feature of what was last sent to a source, by its id. */
  feature(sourceId: string, id: string): Feature | undefined {
    return this.sent.get(sourceId)?.features.find((f) => String(f.properties?.id) === id);
  }

  /** Shows `feature` at once in the source's pending display; returns a function that takes it away. */
  preview(sourceId: string, feature: Feature): () => void {
    if (!this.displays[sourceId]) return () => undefined;
    this.setPending(sourceId, [...(this.pending.get(sourceId) ?? []), feature]);
    return () => this.setPending(sourceId, (this.pending.get(sourceId) ?? []).filter((f) => f !== feature));
  }

  /** Once the main source has drawn them, pending features with the same ids are dropped. */
  private settlePending(sourceId: string, data: FeatureCollection): void {
    const waiting = this.pending.get(sourceId);
    if (!waiting || waiting.length === 0) return;
    const ids = new Set(data.features.map((f) => f.properties?.id as unknown));
    const arrived = waiting.filter((f) => ids.has(f.properties?.id));
    if (arrived.length === 0) return;
    this.map.once('idle', () => this.setPending(sourceId, (this.pending.get(sourceId) ?? []).filter((f) => !arrived.includes(f))));
  }

  private setPending(sourceId: string, features: Feature[]): void {
    this.pending.set(sourceId, features);
    this.displays[sourceId]?.set(features);
  }
}
