// Web Worker entry for the analysis engine (src/domain only): the UI posts AnalysisRequest
// messages and receives progress, results and errors (analysis-protocol.ts). GEOS loads lazily
// inside the worker on the first `load`, so the main bundle never carries it.
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.ts';
import { createAnalysisSession } from './analysis-session.ts';

/** The part of DedicatedWorkerGlobalScope used here; the project's DOM typings lack the worker lib. */
interface WorkerScope {
  postMessage(message: AnalysisResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = createAnalysisSession((response) => scope.postMessage(response));
scope.addEventListener('message', (event) => void session(event.data));
