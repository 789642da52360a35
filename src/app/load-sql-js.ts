// sql.js (SQLite in WebAssembly) for reading MBTiles in the browser, loaded on first use. Its
// WebAssembly is one of the app's own built files, precached by the service worker with the
// rest, so an MBTiles file opens offline and nothing is fetched from a CDN.
import type { SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= import('sql.js').then((module) => module.default({ locateFile: () => wasmUrl })).catch((error: unknown) => {
    // A failed load (e.g. the file was evicted while offline) may succeed on the next try.
    loading = null;
    throw error;
  });
  return loading;
}
