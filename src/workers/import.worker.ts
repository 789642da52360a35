// Web Worker entry for reading and writing files (src/io): the UI posts ImportRequest messages
// and receives progress, previews, applied features, exported files and failures
// (import-protocol.ts). Parsing a 100 MB Shapefile here leaves the map responsive; GEOS (for
// topology checks) loads lazily on the first read.
import type { ImportRequest, ImportResponse } from './import-protocol.ts';
import { createImportSession } from './import-session.ts';

/** The part of DedicatedWorkerGlobalScope used here; the project's DOM typings lack the worker lib. */
interface WorkerScope {
  postMessage(message: ImportResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = createImportSession((response, transfer) => scope.postMessage(response, transfer ?? []));
scope.addEventListener('message', (event) => void session(event.data));
