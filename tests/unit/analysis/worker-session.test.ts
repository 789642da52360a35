import { describe, expect, it } from 'vitest';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import type { AnalysisResponse } from '../../../src/workers/analysis-protocol.ts';
import { createAnalysisSession } from '../../../src/workers/analysis-session.ts';
import { parcel, rect, treated, zone } from '../../helpers/analysis-features.ts';

describe('the analysis worker session', () => {
  it('loads a programme with progress, then answers edits in order with what they recomputed', async () => {
    const messages: AnalysisResponse[] = [];
    const send = createAnalysisSession((m) => messages.push(m));
    void send({ type: 'setBufferDistance', requestId: 1, zoneType: 'traffic_line', metres: 100 });
    void send({
      type: 'load', requestId: 2, distances: GENERAL_PRESET.distances,
      parcels: [parcel('near', rect(118.5, 40, 118.51, 40.01)), parcel('far', rect(118.8, 40.2, 118.81, 40.21))],
      zones: [zone('road', 'traffic_line', { type: 'LineString', coordinates: [[118.49, 39.9], [118.49, 40.1]] })],
      treated: [],
    });
    void send({ type: 'setBufferDistance', requestId: 3, zoneType: 'traffic_line', metres: 2000 });
    void send({ type: 'updateTreated', requestId: 4, change: { feature: treated('t', '2024-04-01', rect(118.8, 40.2, 118.805, 40.21)) } });
    await send({ type: 'dispose', requestId: 5 });

    expect(messages[0]).toEqual({ type: 'error', requestId: 1, message: expect.stringMatching(/no programme loaded/) });
    expect(messages.some((m) => m.type === 'progress' && m.requestId === 2)).toBe(true);
    const results = messages.filter((m) => m.type === 'results');
    expect(results.map((m) => [m.requestId, m.recomputed])).toEqual([[2, ['near', 'far']], [3, ['near']], [4, ['far']]]);
    const [, widened, treatedUpdate] = results;
    expect(widened!.results.parcels[0]!.protected_overlap_by_type.traffic_line).toBeGreaterThan(0);
    expect(treatedUpdate!.results.parcels[1]!.treatment_rate).toBeCloseTo(0.5, 2);
    expect(messages.at(-1)).toEqual({ type: 'disposed', requestId: 5 });
  });
});
