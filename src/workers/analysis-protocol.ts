// Messages between the UI thread and analysis.worker.ts. Every request carries an id that its
// progress, results or error echo, so the UI can drop answers to requests it has superseded.
import type { MultiPolygon, Polygon } from 'geojson';
import type { TreatedChange } from '../domain/analysis-engine.ts';
import type { InputFeature, ParcelResult, ParcelTreated, Progress } from '../domain/analysis-types.ts';
import type { BufferCollection } from '../domain/buffer-features.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { Mine } from '../domain/model.ts';
import type { ResultsSummary } from './analysis-results.ts';
import type { PackedFeatures } from './packed-features.ts';

export type AnalysisRequest =
  | {
    type: 'load';
    requestId: number;
    parcels: PackedFeatures;
    zones: PackedFeatures;
    treated: PackedFeatures;
    distances: BufferDistances;
    mines?: readonly Mine[];
  }
  | { type: 'setBufferDistances'; requestId: number; distances: BufferDistances }
  | { type: 'updateTreated'; requestId: number; change: TreatedChange }
  | { type: 'overlapGeometry'; requestId: number; parcelId: string }
  /** Treated figures for the programme as of a date; the loaded programme is left as it is. */
  | { type: 'treatedAsOf'; requestId: number; treated: readonly InputFeature[] }
  | { type: 'dispose'; requestId: number };

export type AnalysisResponse =
  | { type: 'progress'; requestId: number; progress: Progress }
  /**
   * `parcels`: every parcel's figures after a load (`whole`), else only those this request changed
   * (at province scale copying all 50,000 to the page after each edit would hold up the map);
   * `summary`: the rest of the results, always whole (see applyResults in analysis-results.ts).
   * `recomputed`: ids of the parcels whose figures this request changed (all of them on load).
   * `buffers`: the unioned buffers to draw, when the request changed them; else null.
   */
  | { type: 'results'; requestId: number; whole: boolean; parcels: ParcelResult[]; summary: ResultsSummary; recomputed: string[]; buffers: BufferCollection | null }
  | { type: 'overlapGeometry'; requestId: number; parcelId: string; geometry: Polygon | MultiPolygon | null }
  | { type: 'treatedAsOf'; requestId: number; parcels: ParcelTreated[] }
  | { type: 'disposed'; requestId: number }
  | { type: 'error'; requestId: number; message: string };
