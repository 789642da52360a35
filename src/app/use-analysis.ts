// The analysis engine in its Web Worker, as React state: results, the buffers to draw, progress,
// and on request the overlap of one parcel or the treated figures of the programme as of a date.
// The programme is loaded once; distance changes and treated-polygon edits go to the worker as
// edits, so only what they touch is recomputed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BufferCollection } from '../domain/buffer-features.ts';
import type { AnalysisResults, ParcelTreated, Progress } from '../domain/analysis-types.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { Programme, TreatedFeature } from '../domain/model.ts';
import type { AnalysisRequest, AnalysisResponse } from '../workers/analysis-protocol.ts';
import { applyResults } from '../workers/analysis-results.ts';
import { packedBuffers, packFeatures, packFeaturesInSlices } from '../workers/packed-features.ts';

type OverlapGeometry = Polygon | MultiPolygon | null;
/** A request before the hook numbers it (Omit distributed over the union). */
type UnnumberedRequest = AnalysisRequest extends infer R ? (R extends unknown ? Omit<R, 'requestId'> : never) : never;

/** A macrotask later: lets input, rendering and other work run between slices of packing. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface AnalysisState {
  results: AnalysisResults | null;
  buffers: BufferCollection | null;
  /** Requests sent and not yet answered; the figures on screen are from before them. */
  pending: number;
  progress: Progress | null;
  error: string | null;
  overlapOf: (parcelId: string) => Promise<OverlapGeometry>;
  /** Each parcel's treated figures for these treated polygons; null if the worker failed or went. */
  treatedAsOf: (treated: readonly TreatedFeature[]) => Promise<ParcelTreated[] | null>;
}

export function useAnalysis(programme: Programme | null, distances: BufferDistances): AnalysisState {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const loadedDistances = useRef<BufferDistances | null>(null);
  /** Answers awaited by overlapOf and treatedAsOf: the response, or null when there will be none. */
  const waiting = useRef(new Map<number, (answer: AnalysisResponse | null) => void>());
  const [results, setResults] = useState<AnalysisResults | null>(null);
  const [buffers, setBuffers] = useState<BufferCollection | null>(null);
  const [pending, setPending] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const distancesNow = useRef(distances);
  distancesNow.current = distances;
  const treatedNow = useRef(programme?.treated.features ?? []);
  treatedNow.current = programme?.treated.features ?? [];
  const sentTreated = useRef(new Map<string, TreatedFeature>());
  const parcels = programme?.parcels;
  const zones = programme?.zones;
  const mines = programme?.mines;

  const send = useCallback((request: UnnumberedRequest, transfer: Transferable[] = []): number => {
    const requestId = nextId.current++;
    setPending((n) => n + 1);
    worker.current?.postMessage({ ...request, requestId } as AnalysisRequest, transfer);
    return requestId;
  }, []);

  useEffect(() => {
    if (!parcels || !zones || !mines) return;
    const w = new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
    let gone = false;
    const answers = waiting.current;
    w.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const message = event.data;
      if (message.type === 'progress') return setProgress(message.progress);
      setPending((n) => Math.max(0, n - 1));
      if (message.type === 'results') {
        setResults((previous) => applyResults(previous, message));
        if (message.buffers) setBuffers(message.buffers);
        setProgress(null);
        setError(null);
      } else if (message.type === 'overlapGeometry' || message.type === 'treatedAsOf' || message.type === 'error') {
        if (message.type === 'error') setError(message.message);
        answers.get(message.requestId)?.(message);
        answers.delete(message.requestId);
      }
    };
    w.onerror = (event) => setError(event.message || 'worker failed');
    // Packed in slices (50,000 parcels held the page for over a second in one task); the worker
    // takes requests once it has the programme, with whatever distances and treated polygons
    // are current by then.
    void (async () => {
      const packedParcels = await packFeaturesInSlices(parcels.features, nextTask);
      const packedZones = await packFeaturesInSlices(zones.features, nextTask);
      if (gone) return;
      worker.current = w;
      loadedDistances.current = distancesNow.current;
      sentTreated.current = new Map(treatedNow.current.map((f) => [f.properties.id, f]));
      const packed = { parcels: packedParcels, zones: packedZones, treated: packFeatures(treatedNow.current) };
      send({ type: 'load', ...packed, mines, distances: distancesNow.current }, packedBuffers(packed.parcels, packed.zones, packed.treated));
    })();
    return () => {
      gone = true;
      w.terminate();
      worker.current = null;
      for (const answer of answers.values()) answer(null);
      answers.clear();
      setPending(0);
    };
  }, [parcels, zones, mines, send]);

  // Treated polygons changed (drawn, reshaped, deleted, undone, or in another tab): send only those.
  const treated = programme?.treated.features;
  useEffect(() => {
    if (!worker.current || !treated) return;
    const sent = sentTreated.current;
    const now = new Map(treated.map((f) => [f.properties.id, f]));
    for (const [id, feature] of now) if (sent.get(id) !== feature) send({ type: 'updateTreated', change: { feature } });
    for (const id of sent.keys()) if (!now.has(id)) send({ type: 'updateTreated', change: { deleted: id } });
    sentTreated.current = now;
  }, [treated, send]);

  useEffect(() => {
    if (!worker.current || loadedDistances.current === distances) return;
    loadedDistances.current = distances;
    send({ type: 'setBufferDistances', distances });
  }, [distances, send]);

  const ask = useCallback((request: UnnumberedRequest) => new Promise<AnalysisResponse | null>((resolve) => {
    if (!worker.current) return resolve(null);
    waiting.current.set(send(request), resolve);
  }), [send]);
  const overlapOf = useCallback(async (parcelId: string) => {
    const answer = await ask({ type: 'overlapGeometry', parcelId });
    return answer?.type === 'overlapGeometry' ? answer.geometry : null;
  }, [ask]);
  const treatedAsOf = useCallback(async (treated: readonly TreatedFeature[]) => {
    const answer = await ask({ type: 'treatedAsOf', treated });
    return answer?.type === 'treatedAsOf' ? answer.parcels : null;
  }, [ask]);

  return { results, buffers, pending, progress, error, overlapOf, treatedAsOf };
}
