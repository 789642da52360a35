// The role rules of a programme, enforced by the server with the app's own edit rules: only
// reviewers decide on acceptance, accepted work stays frozen (a later change reopens the parcel),
// surveyors change neither targets nor buffers, admins add members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { ParcelReview } from '../../src/domain/review.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID, PASSWORD, startTestServer, type TestServer } from '../helpers/server-app.ts';

const EDITS = `/api/programmes/${DEMO_ID}/treated-edits`;
const review = (parcelId: string): string => `/api/programmes/${DEMO_ID}/parcels/${parcelId}/review`;

describe('roles and rules of a programme', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  async function treatedOf(parcelId: string): Promise<{ revision: number; feature: TreatedFeature }[]> {
    const { rows } = await server.pool.query<{ id: string }>('select id from treated where programme_id = $1 and parcel_id = $2 order by id', [DEMO_ID, parcelId]);
    const records = [];
    for (const { id } of rows) records.push((await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/treated/${id}`)).json() as { revision: number; feature: TreatedFeature });
    return records;
  }

  it("refuses a surveyor's accept with 403 and says who may", async () => {
    const response = await server.call('surveyor', 'POST', review('QA-M04-P1'), { action: 'accept', baseRevision: 0 });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'forbidden', message: "only a reviewer may accept a parcel's work; your role in this programme: surveyor" });
    for (const action of ['send_back', 'close']) {
      expect((await server.call('surveyor', 'POST', review('QA-M04-P1'), { action, note: 'x', baseRevision: 0 })).statusCode).toBe(403);
    }
    expect((await server.call('planner', 'POST', review('QA-M04-P1'), { action: 'accept', baseRevision: 0 })).statusCode).toBe(403);
    expect((await server.pool.query('select 1 from reviews')).rowCount).toBe(0);
  });

  it('lets a surveyor hand work over and a reviewer accept it, freezing the polygons as they were', async () => {
    const submitted = await server.call('surveyor', 'POST', review('QA-M03-P2'), { action: 'submit', note: '已完工', baseRevision: 0 });
    expect(submitted.statusCode).toBe(200);
    expect((submitted.json() as { review: ParcelReview }).review.events).toMatchObject([{ action: 'submit', status: 'treated', role: 'surveyor', who: 'surveyor 用户', note: '已完工' }]);

    // What was accepted is the polygons as published: the demo file's, read independently.
    const published = demoProgramme().treated.features.filter((f) => f.properties.parcel_id === 'QA-M04-P1');
    expect(published.length).toBeGreaterThan(0);
    const accepted = await server.call('reviewer', 'POST', review('QA-M04-P1'), { action: 'accept', note: '', baseRevision: 0 });
    expect(accepted.statusCode).toBe(200);
    const body = accepted.json() as { revision: number; review: ParcelReview };
    expect(body.revision).toBe(1);
    expect(body.review.status).toBe('accepted');
    expect(body.review.events[0]!.accepted).toEqual(published);

    const stale = await server.call('reviewer', 'POST', review('QA-M04-P1'), { action: 'close', baseRevision: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_revision' });
    const again = await server.call('reviewer', 'POST', review('QA-M04-P1'), { action: 'accept', baseRevision: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_step', message: expect.stringContaining('is accepted') });
    const noReason = await server.call('reviewer', 'POST', review('QA-M04-P1'), { action: 'send_back', note: ' ', baseRevision: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ message: expect.stringContaining('needs a note') });
  });

  it('accepts a mine as one decision (一矿一档), all of its parcels or none', async () => {
    const steps = `/api/programmes/${DEMO_ID}/review-steps`;
    const parcels = [{ parcelId: 'QA-M05-P1', baseRevision: 0 }, { parcelId: 'QA-M05-P5', baseRevision: 0 }];
    expect((await server.call('surveyor', 'POST', steps, { action: 'accept', parcels })).statusCode).toBe(403);
    // One parcel is not treated (untreated QA-M01-P1): nothing is accepted.
    const mixed = await server.call('reviewer', 'POST', steps, { action: 'accept', parcels: [...parcels, { parcelId: 'QA-M01-P1', baseRevision: 0 }] });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json()).toMatchObject({ code: 'invalid_step', message: expect.stringContaining('QA-M01-P1') });
    expect((await server.pool.query(`select 1 from reviews where parcel_id like 'QA-M05-%'`)).rowCount).toBe(0);
    const twice = await server.call('reviewer', 'POST', steps, { action: 'accept', parcels: [parcels[0], parcels[0]] });
    expect(twice.statusCode).toBe(400);
    const accepted = await server.call('reviewer', 'POST', steps, { action: 'accept', note: '整矿验收', parcels });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ steps: [{ parcelId: 'QA-M05-P1', revision: 1, status: 'accepted' }, { parcelId: 'QA-M05-P5', revision: 1, status: 'accepted' }] });
  });

  it('reopens an accepted parcel when its treated polygon is reshaped, keeping the accepted version', async () => {
    const [record] = await treatedOf('QA-M04-P1');
    const polygon = record!.feature.geometry as Polygon;
    const ring = polygon.coordinates[0]!;
    // Move the first vertex (and the closing one) a little towards the second.
    const [a, b] = [ring[0]!, ring[1]!];
    const moved = [a[0]! + (b[0]! - a[0]!) * 0.25, a[1]! + (b[1]! - a[1]!) * 0.25];
    const reshaped: Polygon = { type: 'Polygon', coordinates: [[moved, ...ring.slice(1, -1), moved], ...polygon.coordinates.slice(1)] };
    const seq = (await server.pool.query<{ seq: string }>('select max(seq) as seq from change_log')).rows[0]!.seq;

    const response = await server.call('surveyor', 'POST', EDITS, { kind: 'update-treated-geometry', id: record!.feature.properties.id, baseRevision: record!.revision, geometry: reshaped });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: record!.feature.properties.id, revision: record!.revision + 1, reopened: ['QA-M04-P1'] });

    const after = (await server.call('reviewer', 'GET', review('QA-M04-P1'))).json() as { revision: number; review: ParcelReview };
    expect(after.revision).toBe(2);
    expect(after.review.status).toBe('treated');
    expect(after.review.events.map((e) => e.action)).toEqual(['accept', 'reopen']);
    expect(after.review.events[1]).toMatchObject({ treated_id: record!.feature.properties.id, change: 'reshaped', who: 'surveyor 用户' });
    expect(after.review.events[0]!.accepted![0]!.geometry).toEqual(polygon);
    const stored = (await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/treated/${record!.feature.properties.id}`)).json() as { feature: TreatedFeature };
    expect(stored.feature.geometry).toEqual(reshaped);

    const log = await server.pool.query('select layer, feature_id, op, who from change_log where seq > $1 order by seq', [seq]);
    expect(log.rows).toEqual([
      { layer: 'treated', feature_id: record!.feature.properties.id, op: 'update', who: 'surveyor' },
      { layer: 'reviews', feature_id: 'QA-M04-P1', op: 'update', who: 'surveyor' },
    ]);
    // Stale: based on the revision before the reshape.
    const stale = await server.call('surveyor', 'POST', EDITS, { kind: 'delete-treated', id: record!.feature.properties.id, baseRevision: record!.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_revision' });
  });

  it('does not reopen an accepted parcel for a corrected note, which changes no work', async () => {
    const [record] = await treatedOf('QA-M22-P1');
    const response = await server.call('surveyor', 'POST', EDITS, { kind: 'update-treated-attributes', id: record!.feature.properties.id, baseRevision: record!.revision, attributes: { note: '更正备注' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ reopened: [] });
    const dated = await server.call('surveyor', 'POST', EDITS, { kind: 'update-treated-attributes', id: record!.feature.properties.id, baseRevision: record!.revision + 1, attributes: { date: '2024-05-01' } });
    expect(dated.json()).toMatchObject({ reopened: ['QA-M22-P1'] });
  });

  it('refuses a treated polygon that breaks the app’s rules, storing nothing', async () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[118.6, 40.0], [118.601, 40.0], [118.601, 40.001], [118.6, 40.001], [118.6, 40.0]]] };
    const feature = (properties: Partial<TreatedFeature['properties']>, geometry: Polygon = square) => ({
      type: 'Feature', geometry,
      properties: { id: 'QA-DEMO-U-test1', parcel_id: 'QA-M01-P1', mine_id: 'QA-M01', date: '2025-04-01', measure: 'vegetation', direction: 'forest', surveyor: '张伟', note: '', ...properties },
    });
    const cases: [string, unknown][] = [
      ['future date', feature({ date: '2999-01-01' })],
      ['parcel of another mine', feature({ mine_id: 'QA-M02' })],
      ['unknown measure', feature({ measure: 'magic' as never })],
      ['self-intersecting', feature({}, { type: 'Polygon', coordinates: [[[118.6, 40], [118.601, 40.001], [118.601, 40], [118.6, 40.001], [118.6, 40]]] })],
    ];
    for (const [what, f] of cases) {
      const response = await server.call('surveyor', 'POST', EDITS, { kind: 'create-treated', baseRevision: 0, feature: f });
      expect(response.statusCode, what).toBe(400);
      expect((response.json() as { problems: unknown[] }).problems.length, what).toBeGreaterThan(0);
    }
    expect((await server.pool.query(`select 1 from treated where id = 'QA-DEMO-U-test1'`)).rowCount).toBe(0);
    const created = await server.call('surveyor', 'POST', EDITS, { kind: 'create-treated', baseRevision: 0, feature: feature({}) });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toEqual({ id: 'QA-DEMO-U-test1', revision: 1, reopened: [] });
    const twice = await server.call('surveyor', 'POST', EDITS, { kind: 'create-treated', baseRevision: 0, feature: feature({}) });
    expect(twice.statusCode).toBe(409);
    const deleted = await server.call('surveyor', 'POST', EDITS, { kind: 'delete-treated', id: 'QA-DEMO-U-test1', baseRevision: 1 });
    expect(deleted.json()).toEqual({ id: 'QA-DEMO-U-test1', revision: 2, reopened: [] });
    const { rows } = await server.pool.query(`select op, revision from change_log where feature_id = 'QA-DEMO-U-test1' order by seq`);
    expect(rows).toEqual([{ op: 'insert', revision: 1 }, { op: 'delete', revision: 2 }]);
  });

  it('lets a reviewer not edit treated polygons, and a surveyor change neither targets nor buffers', async () => {
    const edit = await server.call('reviewer', 'POST', EDITS, { kind: 'delete-treated', id: 'QA-T001', baseRevision: 1 });
    expect(edit.statusCode).toBe(403);
    const targets = await server.call('surveyor', 'PUT', `/api/programmes/${DEMO_ID}/targets`, { baseRevision: 1, table: { rows: [], stated_totals: [], source: 'x' } });
    expect(targets.statusCode).toBe(403);
    expect(targets.json()).toMatchObject({ code: 'forbidden', message: expect.stringContaining('may change the targets; your role in this programme: surveyor') });
    const buffers = await server.call('surveyor', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 1, distances: { river_lake: 10 } });
    expect(buffers.statusCode).toBe(403);
    expect(buffers.json()).toMatchObject({ message: expect.stringContaining('may change the buffer distances') });
    expect((await server.call('reviewer', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 1, distances: { river_lake: 10 } })).statusCode).toBe(403);
    const { rows } = await server.pool.query('select buffer_distances, revision from programmes where id = $1', [DEMO_ID]);
    expect(rows[0]).toMatchObject({ revision: 1, buffer_distances: { river_lake: 1000 } });
  });

  it('lets a planner change buffers and targets on the revision they saw, by the app’s checks', async () => {
    const buffers = await server.call('planner', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 1, distances: { river_lake: 10_000 } });
    expect(buffers.statusCode, buffers.body).toBe(200);
    expect(buffers.json()).toMatchObject({ revision: 2, bufferDistances: { river_lake: 10_000, nature_reserve: 1000 } });
    const tooFar = await server.call('planner', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 2, distances: { river_lake: 1e6 } });
    expect(tooFar.statusCode).toBe(400);
    expect((await server.call('planner', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 1, distances: { river_lake: 5 } })).statusCode).toBe(409);

    const current = (await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/targets`)).json() as { revision: number; table: { source: string } };
    expect(current.revision).toBe(1);
    expect(current.table.source).toBe(demoProgramme().targets.source);
    const table = { rows: [{ township_id: 'QA-TS-ML', category_group: 'producing', year: 2026, target_mu: 40.4 }], stated_totals: [], source: '2026 plan' };
    const targets = await server.call('planner', 'PUT', `/api/programmes/${DEMO_ID}/targets`, { baseRevision: 1, table });
    expect(targets.statusCode, targets.body).toBe(200);
    expect(targets.json()).toEqual({ revision: 2 });
    const { rows } = await server.pool.query('select township_name, target_mu from gis_targets where programme_id = $1', [DEMO_ID]);
    expect(rows).toEqual([{ township_name: '马兰庄镇', target_mu: 40.4 }]);
    const unknown = await server.call('planner', 'PUT', `/api/programmes/${DEMO_ID}/targets`, { baseRevision: 2, table: { ...table, rows: [{ ...table.rows[0], township_id: 'NOWHERE' }] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ message: expect.stringContaining('township "NOWHERE" is not in this programme') });
  });

  it('lets a programme admin, and no one else, add members, who then see the programme', async () => {
    const members = `/api/programmes/${DEMO_ID}/members`;
    const newcomer = { login: 'li.na', role: 'surveyor', displayName: '李娜', password: 'a long enough password' };
    expect((await server.call('surveyor', 'POST', members, newcomer)).statusCode).toBe(403);
    expect((await server.call('outsider', 'POST', members, newcomer)).statusCode).toBe(404);
    expect((await server.call('admin', 'POST', members, { ...newcomer, password: 'short' })).statusCode).toBe(400);
    const added = await server.call('admin', 'POST', members, newcomer);
    expect(added.statusCode, added.body).toBe(201);
    expect((await server.call('admin', 'POST', members, { login: 'reviewer', role: 'planner' })).statusCode).toBe(201);
    const list = (await server.call('admin', 'GET', members)).json() as { members: { login: string; role: string }[] };
    expect(list.members.filter((m) => ['li.na', 'reviewer'].includes(m.login)).map((m) => `${m.login}:${m.role}`)).toEqual(['li.na:surveyor', 'reviewer:planner', 'reviewer:reviewer']);
    const login = await server.call(null, 'POST', '/api/login', { login: 'li.na', password: newcomer.password });
    const token = (login.json() as { token: string }).token;
    const programmes = await server.app.inject({ method: 'GET', url: '/api/programmes', headers: { authorization: `Bearer ${token}` } });
    expect((programmes.json() as { programmes: { id: string }[] }).programmes.map((p) => p.id)).toEqual([DEMO_ID]);
    expect(PASSWORD).not.toBe(newcomer.password);

    expect((await server.call('surveyor', 'DELETE', `${members}/li.na/surveyor`)).statusCode).toBe(403);
    expect((await server.call('admin', 'DELETE', `${members}/li.na/reviewer`)).statusCode).toBe(404);
    expect((await server.call('admin', 'DELETE', `${members}/li.na/surveyor`)).statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: `/api/programmes/${DEMO_ID}`, headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(404);
    const last = await server.call('admin', 'DELETE', `${members}/admin/admin`);
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'last_admin' });
  });
});
