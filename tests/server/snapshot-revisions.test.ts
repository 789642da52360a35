// A snapshot carries the server's revision of each record a device syncs, so a device that
// downloads a programme whose polygon was edited on the server twice (revision 3) edits it on
// revision 3: its push is applied, not a conflict.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERAL_PRESET } from '../../src/domain/buffer-presets.ts';
import type { ServerRevisions } from '../../src/store/server-revisions.ts';
import type { PushOutcome, PushResponse } from '../../src/store/sync-protocol.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('snapshot revisions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: { level: 'error' } });
  });
  afterAll(async () => server?.close());

  const download = async (): Promise<{ version: number; revisions: ServerRevisions }> => {
    const response = await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/snapshot`);
    expect(response.statusCode, response.body).toBe(200);
    return JSON.parse(gunzipSync(response.rawPayload).toString('utf8')) as { version: number; revisions: ServerRevisions };
  };
  const push = async (login: string, clientEditId: string, edit: unknown): Promise<PushOutcome> => {
    const response = await server.call(login, 'POST', `/api/programmes/${DEMO_ID}/sync/push`, { protocol: 1, deviceId: 'device-r', edits: [{ clientEditId, edit, madeAt: '2026-12-07T10:00:00Z' }] });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as PushResponse).outcomes[0]!;
  };

  it('a polygon edited twice on the server is at revision 3 in the snapshot, and an edit based on it is applied', async () => {
    const [first, second] = demoProgramme().treated.features;
    const id = first!.properties.id;
    for (const [base, note] of [[1, '一'], [2, '二']] as const) {
      const edited = await server.call('planner', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'update-treated-attributes', id, baseRevision: base, attributes: { note } });
      expect(edited.statusCode, edited.body).toBe(200);
    }
    const targets = await server.call('planner', 'PUT', `/api/programmes/${DEMO_ID}/targets`, { baseRevision: 1, table: demoProgramme().targets });
    expect(targets.statusCode, targets.body).toBe(200);

    const snapshot = await download();
    expect(snapshot.version).toBe(2);
    expect(snapshot.revisions.treated[id]).toBe(3);
    expect(snapshot.revisions.treated[second!.properties.id]).toBe(1);
    expect(Object.keys(snapshot.revisions.treated).length).toBe(demoProgramme().treated.features.length);
    expect(snapshot.revisions).toMatchObject({ photos: {}, reviews: {}, targets: 2, settings: 1 });

    // Based on the snapshot's revisions: applied. Based on 1, as before snapshots carried them: a conflict.
    expect(await push('surveyor', 'rev-stale', { kind: 'update-treated-attributes', id, baseRevision: 1, attributes: { note: '外业' } })).toMatchObject({ status: 'conflict' });
    expect(await push('surveyor', 'rev-1', { kind: 'update-treated-attributes', id, baseRevision: snapshot.revisions.treated[id], attributes: { note: '外业' } }))
      .toMatchObject({ status: 'applied', revisions: [{ layer: 'treated', id, revision: 4 }] });
    expect(await push('planner', 'rev-2', { kind: 'set-targets', baseRevision: snapshot.revisions.targets, table: demoProgramme().targets })).toMatchObject({ status: 'applied' });
    expect(await push('planner', 'rev-3', { kind: 'set-buffer-distances', baseRevision: snapshot.revisions.settings, distances: { ...GENERAL_PRESET.distances, river_lake: 2000 } })).toMatchObject({ status: 'applied' });
    expect((await download()).revisions).toMatchObject({ targets: 3, settings: 2, treated: { [id]: 4 } });
  });

  it('leaves deleted polygons out, as the content does', async () => {
    const id = demoProgramme().treated.features[2]!.properties.id;
    const deleted = await server.call('surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'delete-treated', id, baseRevision: 1 });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await download()).revisions.treated[id]).toBeUndefined();
  });
});
