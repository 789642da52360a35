// Keeps a GeoJSON source in step with the app's collections: each collection goes to MapLibre's
// worker once; later versions go as `updateData` diffs of the features that changed (an edit is
// one feature among thousands), and an unchanged collection is not sent at all.
//
// A large collection goes in slices: MapLibre copies what it sends to its worker on the main
// thread, walking every coordinate (about 2 s for 50,000 parcels or a province's buffers, in one
// task), so the first
// slice is set and the others follow as `updateData` additions, each in a task of its own once the
// worker has taken the one before. Later sends wait for the last slice, so none overtakes it.
//
// A feature can also be shown before its collection arrives (a drawn polygon while it is being
// saved) through a pending display drawn in the next frame (map/pending-polygons-layer.ts): even
// a diff makes MapLibre's worker re-index the whole source and reload its tiles first.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { collectionDiff, idsUnique } from './collection-diff.ts';

export type FeedOutcome = 'unchanged' | 'diff' | 'full';

/** At most this many features or positions per slice: its copy for the worker stays a short task. */
export const SLICE_FEATURES = 2500;
export const SLICE_POSITIONS = 40_000;

/** Where features wait while their collection is on its way. */
export interface PendingDisplay {
  set(features: Feature[]): void;
}

export class SourceFeeds {
  private readonly sent = new Map<string, FeatureCollection>();
  private readonly pending = new Map<string, Feature[]>();
  /** Sources still taking the slices of a large collection: what later sends wait for. */
  private readonly slicing = new Map<string, Promise<void>>();
  /** Bumped by each whole collection, so the slices of one replaced meanwhile stop. */
  private readonly generation = new Map<string, number>();

  /**
   * `onBusy` hears when some source starts and when all have finished taking a large
   * collection in slices (until then the map shows only part of it).
   */
  constructor(
    private readonly map: MapLibreMap,
    private readonly displays: Partial<Record<string, PendingDisplay>> = {},
    private readonly onBusy: (busy: boolean) => void = () => undefined,
  ) {}

  push(sourceId: string, data: FeatureCollection): FeedOutcome {
    const source = this.map.getSource(sourceId);
    if (!source || source.type !== 'geojson') return 'unchanged';
    const before = this.sent.get(sourceId);
    this.sent.set(sourceId, data);
    const diff = before ? collectionDiff(before, data) : 'full';
    if (diff === null) return 'unchanged';
    const geojson = source as GeoJSONSource;
    const generation = (this.generation.get(sourceId) ?? 0) + (diff === 'full' ? 1 : 0);
    this.generation.set(sourceId, generation);
    const current = () => this.generation.get(sourceId) === generation;
    // Failures also arrive as the map's 'error' events; the promises need no second report.
    let sending: Promise<unknown>;
    if (diff === 'full') {
      // Slices after the first are diffs, which need every feature to have an id of its own.
      const slices = idsUnique(data) ? sliced(data.features) : [data.features];
      sending = geojson.setData({ ...data, features: slices[0] ?? [] });
      for (const slice of slices.slice(1)) {
        sending = sending.then(() => (current() ? geojson.updateData({ add: slice }) : undefined));
      }
      if (slices.length > 1) this.trackSlicing(sourceId, sending);
    } else {
      const before = this.slicing.get(sourceId);
      const send = () => (current() ? geojson.updateData({ remove: diff.remove, add: diff.add }) : undefined);
      sending = before ? before.then(send) : Promise.resolve(send());
    }
    void sending.then(() => this.settlePending(sourceId, data), () => undefined);
    return diff === 'full' ? 'full' : 'diff';
  }

  private trackSlicing(sourceId: string, sending: Promise<unknown>): void {
    const done: Promise<void> = sending.then(() => undefined, () => undefined).then(() => {
      if (this.slicing.get(sourceId) !== done) return;
      this.slicing.delete(sourceId);
      if (this.slicing.size === 0) this.onBusy(false);
    });
    if (this.slicing.size === 0) this.onBusy(true);
    this.slicing.set(sourceId, done);
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

/** Positions in a geometry, counted by the arrays that hold them (a buffer can hold thousands). */
function positions(geometry: Geometry | null): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Point': return 1;
    case 'MultiPoint': case 'LineString': return geometry.coordinates.length;
    case 'MultiLineString': case 'Polygon': return geometry.coordinates.reduce((n, part) => n + part.length, 0);
    case 'MultiPolygon': return geometry.coordinates.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length, 0), 0);
    case 'GeometryCollection': return geometry.geometries.reduce((n, g) => n + positions(g), 0);
  }
}

function sliced(features: Feature[]): Feature[][] {
  const slices: Feature[][] = [];
  let slice: Feature[] = [];
  let weight = 0;
  for (const feature of features) {
    const w = positions(feature.geometry);
    if (slice.length > 0 && (slice.length >= SLICE_FEATURES || weight + w > SLICE_POSITIONS)) {
      slices.push(slice);
      slice = [];
      weight = 0;
    }
    slice.push(feature);
    weight += w;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}
