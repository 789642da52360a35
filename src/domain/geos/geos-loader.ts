// The one door to GEOS (geos-wasm, LGPL-3.0): loaded lazily by dynamic import so that it stays
// a separate, replaceable module in the bundle, as the licence asks. The .wasm is inlined in the
// package as base64, so the same code initialises in Node, in a browser Worker and in Vite.
import type initGeosJs from 'geos-wasm';

export type Geos = Awaited<ReturnType<typeof initGeosJs>>;

let loading: Promise<Geos> | undefined;
let lastError: string | null = null;

/**
 * GEOS reports failures (TopologyException…) through a handler and returns a null pointer; the
 * package's default handler throws from inside WebAssembly, which would skip GEOS's own clean-up.
 */
function recordError(message: string): void {
  lastError = message;
}

export function loadGeos(): Promise<Geos> {
  loading ??= import('geos-wasm').then((module) =>
    module.default({ errorHandler: recordError, noticeHandler: () => undefined }),
  );
  return loading;
}

/** The message of the last GEOS failure, cleared on read; used to explain a null result. */
export function takeGeosError(): string | null {
  const message = lastError;
  lastError = null;
  return message;
}
