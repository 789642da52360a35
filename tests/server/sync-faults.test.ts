// Sync under faults, on its own PostgreSQL cluster and a server in its own process: the server
// killed (SIGKILL) in the middle of a large push, then started again and the push replayed; killed
// in the middle of a photo upload, then the upload resumed; PostgreSQL crashed and restarted under
// a running server. Afterwards the server holds each edit exactly once, compared feature by feature.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Polygon } from 'geojson';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { PullResponse, PushOutcome, PushedEdit } from '../../src/store/sync-protocol.ts';
import { startCluster, type Cluster } from '../helpers/postgres-cluster.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID } from '../helpers/server-app.ts';
import { loginOver, seedDemoDatabase, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const square = (lon: number, lat: number): Polygon => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.0005, lat], [lon + 0.0005, lat + 0.0005], [lon, lat + 0.0005], [lon, lat]]] });
const template = (): TreatedFeature => demoProgramme().treated.features[0]!;

function creations(prefix: string, count: number): PushedEdit[] {
  const base = template();
  return Array.from({ length: count }, (_, i) => {
    const feature: TreatedFeature = { ...base, geometry: square(118.6 + (i % 40) * 0.001, 40.3 + Math.floor(i / 40) * 0.001), properties: { ...base.properties, id: `${prefix}-${i}`, note: `${prefix} ${i}` } };
    return { clientEditId: `${prefix}-edit-${i}`, edit: { kind: 'create-treated', baseRevision: 0, feature }, madeAt: '2026-12-07T10:00:00Z' };
  });
}

describe('sync under faults', () => {
  let cluster: Cluster;
  let server: ServerProcess;
  let db: pg.Pool;
  let token: string;
  let databaseUrl: string;

  beforeAll(async () => {
    cluster = await startCluster({ durableCommits: true });
    const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
    await admin.connect();
    await admin.query('create database fulv_faults template fulv_template');
    await admin.end();
    databaseUrl = `${cluster.baseUrl}fulv_faults`;
    await seedDemoDatabase(databaseUrl);
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    db.on('error', () => undefined);
    server = await startServerProcess(databaseUrl);
    token = await loginOver(server.url, 'surveyor');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.end();
    cluster?.stop();
  });

  const push = async (edits: PushedEdit[]): Promise<PushOutcome[]> => {
    const response = await fetch(`${server.url}/api/programmes/${DEMO_ID}/sync/push`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, deviceId: 'faulty-device', edits }),
    });
    if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { outcomes: PushOutcome[] }).outcomes;
  };
  /** As a device does: retried until the server answers (it may be starting, or its database restarting). */
  const pushUntilAnswered = async (edits: PushedEdit[]): Promise<PushOutcome[]> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await push(edits);
      } catch (error) {
        if (attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await db.query(sql, params)).rows[0].n);
  /** Each created polygon: stored once, at revision 1, with the pushed attributes and shape, logged once. */
  const expectExactlyOnce = async (edits: PushedEdit[]): Promise<void> => {
    for (const pushed of edits) {
      const feature = (pushed.edit as { feature: TreatedFeature }).feature;
      const { rows } = await db.query(`select note, revision, ST_AsGeoJSON(geom, 15, 0)::jsonb as geometry from treated where programme_id = $1 and id = $2`, [DEMO_ID, feature.properties.id]);
      expect(rows, feature.properties.id).toEqual([{ note: feature.properties.note, revision: 1, geometry: feature.geometry }]);
      expect(await count('select count(*) as n from change_log where programme_id = $1 and feature_id = $2', [DEMO_ID, feature.properties.id])).toBe(1);
      expect(await count('select count(*) as n from sync_applied_edits where programme_id = $1 and client_edit_id = $2', [DEMO_ID, pushed.clientEditId])).toBe(1);
    }
  };

  it('applies each edit exactly once when the server is killed in the middle of a push and the push is replayed', async () => {
    const edits = creations('kill', 300);
    const inFlight = push(edits).then(() => 'answered', () => 'cut off');
    // Kill it once some, not all, of the push's edits are committed.
    for (let i = 0; i < 400 && (await count('select count(*) as n from sync_applied_edits where client_edit_id like $1', ['kill-%'])) < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await server.kill();
    expect(await inFlight).toBe('cut off');
    const committed = await count('select count(*) as n from sync_applied_edits where client_edit_id like $1', ['kill-%']);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(edits.length);

    await server.start();
    const outcomes = await pushUntilAnswered(edits);
    expect(outcomes.filter((o) => o.status === 'already_applied')).toHaveLength(committed);
    expect(outcomes.filter((o) => o.status === 'applied')).toHaveLength(edits.length - committed);
    await expectExactlyOnce(edits);
  }, 90_000);

  it('resumes a photo upload cut off by a killed server from the bytes received, and stores it once', async () => {
    const bytes = randomBytes(400_000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const url = `${server.url}/api/programmes/${DEMO_ID}/photo-bytes/${sha256}`;
    const piece = async (start: number, end: number) => fetch(url, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg', 'content-range': `bytes ${start}-${end - 1}/${bytes.length}` },
      body: bytes.subarray(start, end),
    });
    expect((await piece(0, 100_000)).status).toBe(202);
    // The next piece is half sent when the server dies.
    const cut = new Promise<string>((resolve) => {
      const half = request(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg', 'content-range': `bytes 100000-399999/${bytes.length}`, 'content-length': '300000' } });
      half.on('error', () => resolve('cut off'));
      half.on('response', () => resolve('answered'));
      half.write(bytes.subarray(100_000, 250_000));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.kill();
    expect(await cut).toBe('cut off');
    await server.start();

    const state = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(state.headers.get('upload-offset')).toBe('100000');
    expect(await state.json()).toEqual({ sha256, received: 100_000, total: bytes.length, complete: false });
    // A piece sent again overlapping what is held is harmless; then the rest.
    expect((await piece(50_000, 300_000)).status).toBe(202);
    const done = await piece(300_000, bytes.length);
    expect(done.status).toBe(201);
    expect(await done.json()).toEqual({ sha256, received: bytes.length, total: bytes.length, complete: true });
    // A retry of the whole upload is answered complete and stores nothing twice.
    expect((await piece(0, bytes.length)).status).toBe(201);
    const stored = await db.query('select bytes from photo_blobs where sha256 = $1', [Buffer.from(sha256, 'hex')]);
    expect(stored.rows).toHaveLength(1);
    expect(Buffer.compare(stored.rows[0].bytes as Buffer, bytes)).toBe(0);
    expect(await count('select count(*) as n from photo_uploads', [])).toBe(0);

    const photo = { id: 'P-fault-1', feature_id: template().properties.id, taken_at: '2026-12-07T09:00:00.000Z', location: null, size: bytes.length, type: 'image/jpeg', name: 'after.jpg' };
    const attach: PushedEdit = { clientEditId: 'photo-attach-1', edit: { kind: 'add-photo', baseRevision: 0, photo }, madeAt: '2026-12-07T10:00:00Z', sha256 };
    expect((await push([attach]))[0]).toMatchObject({ status: 'applied' });
    expect((await push([attach]))[0]).toMatchObject({ status: 'already_applied' });
  }, 60_000);

  it('recovers from a PostgreSQL crash and restart under the running server; a replay converges', async () => {
    const edits = creations('pgcrash', 60);
    expect((await push(edits.slice(0, 20))).every((o) => o.status === 'applied')).toBe(true);
    cluster.restart();
    // The pool's connections died with the database: the first requests may fail, none may hang.
    const outcomes = await pushUntilAnswered(edits);
    expect(outcomes.map((o) => o.status)).toEqual([...Array<string>(20).fill('already_applied'), ...Array<string>(40).fill('applied')]);
    await expectExactlyOnce(edits);
    // Every change is in the pull, exactly as the database holds it.
    const pulled = await fetch(`${server.url}/api/programmes/${DEMO_ID}/sync/pull?since=0&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await pulled.json()) as PullResponse;
    const created = page.changes.filter((c) => c.id.startsWith('pgcrash-'));
    expect(created.map((c) => c.id).sort()).toEqual(edits.map((e) => (e.edit as { feature: TreatedFeature }).feature.properties.id).sort());
    for (const change of created) {
      const pushedEdit = edits.find((e) => (e.edit as { feature: TreatedFeature }).feature.properties.id === change.id)!;
      expect(change.value).toEqual((pushedEdit.edit as { feature: TreatedFeature }).feature);
      expect(change).toMatchObject({ clientEditId: pushedEdit.clientEditId, deviceId: 'faulty-device', revision: 1 });
    }
  }, 90_000);
});
