// What the import worker does with each request, apart from the Worker plumbing, so that it
// runs under test in Node. Requests are handled one at a time, in order of arrival; the last
// preview stays here so that retargeting and applying need not post the features back.
import { exportLayers } from '../io/export/export-layers.ts';
import type { ImportPreview } from '../io/import-types.ts';
import type { IoFailure } from '../io/io-result.ts';
import { applyFieldMapping } from '../io/mapping/apply-field-mapping.ts';
import { readImport } from '../io/read-import.ts';
import { retargetImport } from '../io/retarget-import.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';

/** `transfer`: buffers the answer hands over rather than copies (exported files). */
export type Post = (response: ImportResponse, transfer?: ArrayBuffer[]) => void;

function failed(requestId: number, failure: IoFailure): ImportResponse {
  return { type: 'failed', requestId, code: failure.code, reason: failure.reason, ...(failure.file ? { file: failure.file } : {}), ...(failure.line ? { line: failure.line } : {}), ...(failure.limit ? { limit: failure.limit } : {}) };
}

export function createImportSession(post: Post): (request: ImportRequest) => Promise<void> {
  let preview: ImportPreview | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: ImportRequest): Promise<void> {
    const { requestId } = request;
    switch (request.type) {
      case 'read': {
        preview = null;
        const result = await readImport(request.files, { ...request.options, onProgress: (progress) => post({ type: 'progress', requestId, progress }) });
        if (!result.ok) return post(failed(requestId, result));
        preview = result.value;
        return post({ type: 'preview', requestId, preview });
      }
      case 'retarget':
        if (!preview) return post({ type: 'error', requestId, message: 'no preview: send a read request first' });
        preview = retargetImport(preview, request.layer);
        return post({ type: 'preview', requestId, preview });
      case 'apply':
        if (!preview) return post({ type: 'error', requestId, message: 'no preview: send a read request first' });
        return post({ type: 'applied', requestId, result: applyFieldMapping(preview, request.mapping, { existingIds: request.existingIds, ...(request.mines ? { mines: request.mines } : {}) }) });
      case 'export': {
        const result = exportLayers(request.layers, request.format, request.options, request.title);
        if (!result.ok) return post(failed(requestId, result));
        const transfer = result.value.files.map((f) => f.bytes.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
        return post({ type: 'exported', requestId, result: result.value }, transfer);
      }
      case 'discard':
        preview = null;
        return post({ type: 'discarded', requestId });
    }
  }

  return (request) => {
    queue = queue.then(() => handle(request)).catch((error: unknown) => {
      post({ type: 'error', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
    });
    return queue;
  };
}
