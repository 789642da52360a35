import { describe, expect, it } from 'vitest';
import type { ImportRequest, ImportResponse } from '../../../src/workers/import-protocol.ts';
import { createImportSession } from '../../../src/workers/import-session.ts';
import { fixtureFile } from '../../helpers/interchange-fixtures.ts';
import { exportParcels } from '../../helpers/export-parcels.ts';

function session() {
  const posted: ImportResponse[] = [];
  const transfers: ArrayBuffer[][] = [];
  const send = createImportSession((response, transfer) => {
    posted.push(response);
    transfers.push(transfer ?? []);
  });
  return { posted, transfers, send: (r: ImportRequest) => send(r) };
}

describe('the import worker session', () => {
  it('reads with progress, keeps the preview for retargeting and applying', async () => {
    const s = session();
    await s.send({ type: 'read', requestId: 1, files: [fixtureFile('gem/gem_coal_mine_boundaries_china.geojson')], options: { layer: 'parcels' } });
    const progress = s.posted.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ type: 'progress', requestId: 1, progress: { phase: 'checking', done: 562, total: 562 } });
    const preview = s.posted.at(-1)!;
    expect(preview.type === 'preview' && preview.preview.featureCount).toBe(562);

    await s.send({ type: 'retarget', requestId: 2, layer: 'zones' });
    const zones = s.posted.at(-1)!;
    expect(zones.type === 'preview' && zones.preview.layer).toBe('zones');

    if (zones.type !== 'preview') throw new Error('no preview');
    const mapping = { ...zones.preview.mapping, defaults: { ...zones.preview.mapping.defaults, zone_type: 'nature_reserve' as const } };
    await s.send({ type: 'apply', requestId: 3, mapping, existingIds: [] });
    const applied = s.posted.at(-1)!;
    expect(applied.type === 'applied' && applied.result.mapped.features.length).toBe(103);
  });

  it('answers a bad file with its code, and apply without a preview with an error', async () => {
    const s = session();
    await s.send({ type: 'read', requestId: 7, files: [fixtureFile('malformed/kml-billion-laughs.kml')], options: { layer: 'parcels' } });
    expect(s.posted.at(-1)).toMatchObject({ type: 'failed', requestId: 7, code: 'xml_doctype' });
    await s.send({ type: 'apply', requestId: 8, mapping: { layer: 'parcels', fields: {}, values: {}, defaults: {}, keepSourceAttributes: true }, existingIds: [] });
    expect(s.posted.at(-1)).toMatchObject({ type: 'error', requestId: 8 });
  });

  it('exports, handing the file buffers over', async () => {
    const s = session();
    await s.send({ type: 'export', requestId: 4, layers: [{ name: 'parcels', features: exportParcels }], format: 'shapefile', options: { crs: 'EPSG:4527' }, title: '迁安' });
    const answer = s.posted.at(-1)!;
    expect(answer.type === 'exported' && answer.result.files.map((f) => f.name)).toEqual(['迁安.zip']);
    expect(s.transfers.at(-1)).toHaveLength(1);
  });
});
