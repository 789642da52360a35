// Web Worker entry: the unioned protection buffers for the map, computed off the main thread.
import { protectionBufferFeatures } from '../domain/buffer-features.ts';
import type { BufferReply, BufferRequest } from './protection-buffers-protocol.ts';

interface WorkerScope {
  postMessage(message: BufferReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BufferRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const { zones, distances } = event.data;
  protectionBufferFeatures(zones.features, distances).then(
    ({ collection }) => scope.postMessage({ ok: true, collection }),
    (error: unknown) => scope.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
  );
});
