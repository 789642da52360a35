// Messages between the UI thread and import.worker.ts. Every request carries an id that its
// progress and answer echo, so the UI can drop answers to a request it has cancelled. Bad files
// come back as `failed` with an IoErrorCode for the UI to translate; `error` is a bug.
import type { Mine } from '../domain/model.ts';
import type { ExportFormat, ExportLayer, ExportOptions, ExportResult } from '../io/export/export-types.ts';
import type { ImportFile, ImportPreview, ImportProgress } from '../io/import-types.ts';
import type { IoErrorCode } from '../io/io-result.ts';
import type { AppliedImport } from '../io/mapping/apply-field-mapping.ts';
import type { FieldMapping, ImportLayer } from '../io/mapping/field-mapping-types.ts';
import type { ImportOptions } from '../io/read-import.ts';

export type ImportRequest =
  /** Read files into a preview; the worker keeps it for the requests below. */
  | { type: 'read'; requestId: number; files: ImportFile[]; options: Omit<ImportOptions, 'onProgress'> }
  /** The kept preview for another target layer, with that layer's proposed mapping. */
  | { type: 'retarget'; requestId: number; layer: ImportLayer }
  /** Apply a (user-edited) mapping to the kept preview: typed features ready to store. */
  | { type: 'apply'; requestId: number; mapping: FieldMapping; existingIds: string[]; mines?: Mine[] }
  | { type: 'export'; requestId: number; layers: ExportLayer[]; format: ExportFormat; options: ExportOptions; title: string }
  /** Forget the kept preview (the dialog closed). */
  | { type: 'discard'; requestId: number };

export type ImportResponse =
  | { type: 'progress'; requestId: number; progress: ImportProgress }
  | { type: 'preview'; requestId: number; preview: ImportPreview }
  | { type: 'applied'; requestId: number; result: AppliedImport }
  | { type: 'exported'; requestId: number; result: ExportResult }
  | { type: 'discarded'; requestId: number }
  | { type: 'failed'; requestId: number; code: IoErrorCode; reason: string; file?: string; line?: number; limit?: string }
  | { type: 'error'; requestId: number; message: string };
