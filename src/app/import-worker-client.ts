// The import worker as promises: one request at a time per call, answers matched by id, progress
// passed to a callback. Parsing a large Shapefile never blocks the map. Terminating stops the
// work at once (a read cannot be interrupted any other way) and answers what was waiting with
// `cancelled`.
import type { ImportRequest, ImportResponse } from '../workers/import-protocol.ts';

type Unnumbered = ImportRequest extends infer R ? (R extends unknown ? Omit<R, 'requestId'> : never) : never;
type Answer = Exclude<ImportResponse, { type: 'progress' }> | { type: 'cancelled'; requestId: number };
type Progress = Extract<ImportResponse, { type: 'progress' }>['progress'];

export class ImportWorkerClient {
  private readonly worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' });
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (answer: Answer) => void; onProgress?: (p: Progress) => void }>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      const message = event.data;
      const entry = this.waiting.get(message.requestId);
      if (!entry) return;
      if (message.type === 'progress') return entry.onProgress?.(message.progress);
      this.waiting.delete(message.requestId);
      entry.resolve(message);
    };
    this.worker.onerror = (event) => {
      for (const [requestId, entry] of this.waiting) entry.resolve({ type: 'error', requestId, message: event.message || 'import worker failed' });
      this.waiting.clear();
    };
  }

  request(request: Unnumbered, onProgress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<Answer> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(requestId, { resolve, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ ...request, requestId } as ImportRequest, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    for (const [requestId, entry] of this.waiting) entry.resolve({ type: 'cancelled', requestId });
    this.waiting.clear();
  }
}
