// What the analysis worker does with each request, apart from the Worker plumbing so that it
// runs under test in Node. Requests are handled one at a time, in order of arrival.
import { createAnalysis, type Analysis } from '../domain/analysis-engine.ts';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.ts';
import { resultsMessage } from './analysis-results.ts';
import { unpackFeatures } from './packed-features.ts';

export type Post = (response: AnalysisResponse) => void;

export function createAnalysisSession(post: Post): (request: AnalysisRequest) => Promise<void> {
  let analysis: Analysis | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: AnalysisRequest): Promise<void> {
    const { requestId } = request;
    if (request.type === 'dispose') {
      analysis?.dispose();
      analysis = null;
      return post({ type: 'disposed', requestId });
    }
    if (request.type === 'load') {
      analysis?.dispose();
      analysis = null;
      const { distances, mines } = request;
      const [parcels, zones, treated] = [unpackFeatures(request.parcels), unpackFeatures(request.zones), unpackFeatures(request.treated)];
      analysis = await createAnalysis({ parcels, zones, treated, distances, ...(mines ? { mines } : {}) }, {
        onProgress: (progress) => post({ type: 'progress', requestId, progress }),
      });
      const results = analysis.results();
      const recomputed = results.parcels.map((p) => p.id);
      return post({ type: 'results', requestId, ...resultsMessage(results, recomputed, true), recomputed, buffers: analysis.bufferFeatures() });
    }
    if (!analysis) return post({ type: 'error', requestId, message: 'no programme loaded: send a load request first' });
    if (request.type === 'overlapGeometry') {
      return post({ type: 'overlapGeometry', requestId, parcelId: request.parcelId, geometry: analysis.overlapGeometry(request.parcelId) });
    }
    if (request.type === 'treatedAsOf') return post({ type: 'treatedAsOf', requestId, parcels: analysis.treatedWith(request.treated) });
    let buffers = null;
    if (request.type === 'setBufferDistances') {
      analysis.setBufferDistances(request.distances);
      buffers = analysis.bufferFeatures();
    } else analysis.updateTreated(request.change);
    const recomputed = analysis.lastRecomputed;
    post({ type: 'results', requestId, ...resultsMessage(analysis.results(), recomputed, false), recomputed, buffers });
  }

  return (request) => {
    queue = queue.then(() => handle(request)).catch((error: unknown) => {
      post({ type: 'error', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
    });
    return queue;
  };
}
