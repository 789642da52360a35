// Buffers of the protection zones, computed off the main thread so the map never stalls.
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Programme } from '../domain/model.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { BufferReply, BufferRequest } from '../workers/protection-buffers-protocol.ts';
import { useI18n } from '../ui/i18n/language-context.tsx';

export function useProtectionBuffers(programme: Programme | null, distances: BufferDistances) {
  const { t } = useI18n();
  const [collection, setCollection] = useState<FeatureCollection | null>(null);
  const [state, setState] = useState<'idle' | 'computing' | { error: string }>('idle');

  useEffect(() => {
    if (!programme) return;
    const worker = new Worker(new URL('../workers/protection-buffers.worker.ts', import.meta.url), { type: 'module' });
    setState('computing');
    worker.onmessage = (e: MessageEvent<BufferReply>) => {
      if (e.data.ok) {
        setCollection(e.data.collection);
        setState('idle');
      } else setState({ error: e.data.reason });
    };
    worker.onerror = (e) => setState({ error: e.message });
    const request: BufferRequest = { zones: programme.zones, distances };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [programme, distances]);

  const status = state === 'computing' ? t('layers.buffersComputing')
    : typeof state === 'object' ? t('layers.buffersFailed', { reason: state.error }) : null;
  return { collection, status };
}
