// Sync on a real database: a replayed push is answered "already applied" and changes nothing; an
// edit on an old revision is a conflict carrying the server's version; a rule breaks → refused;
// pulls come in pages, carry the value after each change, include edits made with SQL, and never
// skip a change while two transactions are in flight at once.
import type { Polygon } from 'geojson';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { Edit } from '../../src/store/edit.ts';
import type { PullResponse, PushOutcome, PushResponse, PushedEdit } from '../../src/store/sync-protocol.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

const PUSH = `/api/programmes/${DEMO_ID}/sync/push`;
const PULL = `/api/programmes/${DEMO_ID}/sync/pull`;
const square = (lon: number, lat: number): Polygon => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]]] });
const treated = (): TreatedFeature[] => demoProgramme().treated.features;
let editCounter = 0;
const pushed = (edit: Edit): PushedEdit => ({ clientEditId: `test-${++editCounter}`, edit, madeAt: '2026-12-07T10:00:00Z' });

describe('sync push and pull', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: { level: 'error' } });
  });
  afterAll(async () => server?.close());

  const push = async (login: string, edits: PushedEdit[], deviceId = 'device-a'): Promise<PushOutcome[]> => {
    const response = await server.call(login, 'POST', PUSH, { protocol: 1, deviceId, edits });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as PushResponse).outcomes;
  };
  const pull = async (since: number, limit = 500): Promise<PullResponse> => {
    const response = await server.call('reviewer', 'GET', `${PULL}?since=${since}&limit=${limit}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PullResponse;
  };
  const logRows = async (): Promise<number> => Number((await server.pool.query('select count(*) as n from change_log')).rows[0].n);
  const lastSeq = async (): Promise<number> => Number((await server.pool.query('select coalesce(max(seq), 0) as s from change_log')).rows[0].s);

  it('applies a push in order and answers a replay "already applied" without a second change', async () => {
    const [a, b] = treated();
    const edits = [
      pushed({ kind: 'update-treated-attributes', id: a!.properties.id, baseRevision: 1, attributes: { note: '第一次' } }),
      pushed({ kind: 'update-treated-geometry', id: b!.properties.id, baseRevision: 1, geometry: square(118.7, 40.2) }),
    ];
    const first = await push('surveyor', edits);
    expect(first.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(first[0]).toMatchObject({ revisions: [{ layer: 'treated', id: a!.properties.id, revision: 2 }] });
    const rowsAfter = await logRows();
    const replay = await push('surveyor', edits);
    expect(replay).toEqual(first.map((o) => ({ clientEditId: o.clientEditId, status: 'already_applied', seq: (o as { seq: number }).seq })));
    expect(await logRows()).toBe(rowsAfter);
    const stored = await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/treated/${a!.properties.id}`);
    expect(stored.json()).toMatchObject({ revision: 2, feature: { properties: { note: '第一次' } } });
    // The change log names the device edit and the device.
    const { rows } = await server.pool.query('select client_edit_id, device_id from change_log where seq = $1', [(first[1] as { seq: number }).seq]);
    expect(rows[0]).toEqual({ client_edit_id: edits[1]!.clientEditId, device_id: 'device-a' });
  });

  it('answers an edit on an old revision with the server version, and stops the push there', async () => {
    const a = treated()[0]!;
    const stale = pushed({ kind: 'update-treated-attributes', id: a.properties.id, baseRevision: 1, attributes: { note: '旧的' } });
    const after = pushed({ kind: 'update-treated-attributes', id: treated()[2]!.properties.id, baseRevision: 1, attributes: { note: 'x' } });
    const before = await logRows();
    const outcomes = await push('planner', [stale, after]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      clientEditId: stale.clientEditId, status: 'conflict',
      current: [{ layer: 'treated', id: a.properties.id, revision: 2, who: 'surveyor', value: { properties: { note: '第一次' } } }],
    });
    expect(await logRows()).toBe(before);
  });

  it('refuses what the role may not do, with a code and message, and applies nothing', async () => {
    const outcomes = await push('surveyor', [
      pushed({ kind: 'review-parcel', parcelId: 'QA-M09-P2', baseRevision: 0, review: { parcel_id: 'QA-M09-P2', status: 'accepted', events: [{ action: 'accept', status: 'accepted', at: '2026-12-07T10:00:00Z', who: 's', role: 'reviewer', note: '' }] } }),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'refused', code: 'forbidden', message: expect.stringContaining('only a reviewer may accept') });
    const targets = await push('surveyor', [pushed({ kind: 'set-buffer-distances', baseRevision: 1, distances: null })]);
    expect(targets[0]).toMatchObject({ status: 'refused', code: 'forbidden' });
    const invalidEdit = await push('surveyor', [pushed({ kind: 'no-such-kind' } as unknown as Edit)]);
    expect(invalidEdit[0]).toMatchObject({ status: 'refused', code: 'invalid_edit' });
  });

  it('a refusal carries the server\'s current version of what the edit writes, so a dismissal leaves the device equal to the server', async () => {
    const a = treated()[0]!;
    // The reviewer's device edited on revision 1 and missed the surveyor's revision 2.
    const outcomes = await push('reviewer', [
      pushed({ kind: 'batch', label: 'notes', edits: [
        { kind: 'update-treated-attributes', id: a.properties.id, baseRevision: 1, attributes: { note: '评审' } },
        { kind: 'update-treated-attributes', id: treated()[1]!.properties.id, baseRevision: 2, attributes: { note: '评审' } },
      ] }),
    ]);
    expect(outcomes).toEqual([{
      clientEditId: expect.any(String), status: 'refused', code: 'forbidden', message: expect.any(String),
      current: [
        { layer: 'treated', id: a.properties.id, revision: 2, value: expect.objectContaining({ properties: expect.objectContaining({ note: '第一次' }) }), who: 'surveyor', at: expect.any(String) },
        { layer: 'treated', id: treated()[1]!.properties.id, revision: 2, value: expect.objectContaining({ geometry: square(118.7, 40.2) }), who: 'surveyor', at: expect.any(String) },
      ],
    }]);
  });

  it('refuses too many edits in one push, and a wrong protocol version', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ clientEditId: `many-${i}`, edit: { kind: 'delete-treated', id: 'x', baseRevision: 1 }, madeAt: '2026-12-07T10:00:00Z' }));
    const tooMany = await server.call('surveyor', 'POST', PUSH, { protocol: 1, deviceId: 'd', edits: many });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ code: 'too_many_edits' });
    const version = await server.call('surveyor', 'POST', PUSH, { protocol: 2, deviceId: 'd', edits: [] });
    expect(version.statusCode).toBe(400);
  });

  it('pulls in pages, the value after each change, and edits made with SQL', async () => {
    const since = await lastSeq();
    const ids = treated().slice(3, 8).map((f) => f.properties.id);
    await push('surveyor', ids.map((id) => pushed({ kind: 'update-treated-attributes', id, baseRevision: 1, attributes: { note: `批 ${id}` } })), 'device-b');
    await server.pool.query(`update treated set note = 'QGIS 改的' where programme_id = $1 and id = $2`, [DEMO_ID, ids[0]]);
    await server.pool.query(`update treated set deleted = true where programme_id = $1 and id = $2`, [DEMO_ID, ids[4]]);
    const seen = [];
    let cursor = since;
    for (let page = 0; page < 10; page++) {
      const answer = await pull(cursor, 2);
      expect(answer.changes.length).toBeLessThanOrEqual(2);
      seen.push(...answer.changes);
      cursor = answer.cursor;
      if (!answer.more) break;
    }
    expect(cursor).toBe(await lastSeq());
    // ids[0] was changed twice: delivered once, with the SQL edit's value and author.
    expect(seen.map((c) => c.id)).toEqual([ids[1], ids[2], ids[3], ids[0], ids[4]]);
    expect(seen[3]).toMatchObject({ layer: 'treated', revision: 3, clientEditId: null, deviceId: null, who: 'postgres', value: { properties: { note: 'QGIS 改的' } } });
    expect(seen[0]).toMatchObject({ revision: 2, deviceId: 'device-b', value: { properties: { note: `批 ${ids[1]}` } } });
    expect(seen[4]).toMatchObject({ revision: 3, value: null });
    expect((await pull(cursor)).changes).toEqual([]);
  });

  it('never skips a change committed while another transaction of the programme is in flight', async () => {
    const since = await lastSeq();
    const url = server.database.url;
    const first = new pg.Client({ connectionString: url });
    const second = new pg.Client({ connectionString: url });
    await first.connect();
    await second.connect();
    try {
      const [x, y] = treated().slice(10, 12).map((f) => f.properties.id);
      await first.query('begin');
      await first.query(`update treated set note = 'first' where programme_id = $1 and id = $2`, [DEMO_ID, x]);
      await second.query('begin');
      // The later transaction would draw the later seq and commit first: it waits instead.
      let secondWrote = false;
      const secondWrite = second.query(`update treated set note = 'second' where programme_id = $1 and id = $2`, [DEMO_ID, y]).then(() => { secondWrote = true; });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondWrote).toBe(false);
      expect((await pull(since)).changes).toEqual([]);
      await first.query('commit');
      await secondWrite;
      const middle = await pull(since);
      expect(middle.changes.map((c) => c.id)).toEqual([x]);
      await second.query('commit');
      const rest = await pull(middle.cursor);
      expect(rest.changes.map((c) => c.id)).toEqual([y]);
      expect(rest.changes[0]!.seq).toBeGreaterThan(middle.cursor);
    } finally {
      await first.end();
      await second.end();
    }
  });

  it('answers an edit of a deleted polygon as a conflict showing the deletion, never a silent loss', async () => {
    const victim = treated()[20]!;
    expect((await push('planner', [pushed({ kind: 'delete-treated', id: victim.properties.id, baseRevision: 1 })]))[0]).toMatchObject({ status: 'applied' });
    const late = await push('surveyor', [pushed({ kind: 'update-treated-attributes', id: victim.properties.id, baseRevision: 1, attributes: { note: '晚了' } })]);
    expect(late[0]).toMatchObject({ status: 'conflict', current: [{ layer: 'treated', id: victim.properties.id, revision: 2, value: null, who: 'planner' }] });
  });

  it('applies one edit pushed twice at the same moment once, and answers the other already applied', async () => {
    const target = treated()[21]!;
    const edit = pushed({ kind: 'update-treated-attributes', id: target.properties.id, baseRevision: 1, attributes: { note: '同时' } });
    const before = await logRows();
    const [one, two] = await Promise.all([push('surveyor', [edit]), push('surveyor', [edit])]);
    expect([one[0]!.status, two[0]!.status].sort()).toEqual(['already_applied', 'applied']);
    expect(await logRows()).toBe(before + 1);
  });

  it("applies a reviewer's acceptance step and a surveyor's submit, as the direct routes would", async () => {
    const parcel = 'QA-M17-P1';
    const review = (await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/parcels/${parcel}/review`)).json() as { revision: number };
    const step = (action: 'submit' | 'accept', status: 'treated' | 'accepted', role: 'surveyor' | 'reviewer') => ({ action, status, at: '2026-12-07T10:00:00Z', who: 'x', role, note: '' });
    const submitted = await push('surveyor', [pushed({ kind: 'review-parcel', parcelId: parcel, baseRevision: review.revision, review: { parcel_id: parcel, status: 'treated', events: [step('submit', 'treated', 'surveyor')] } })]);
    expect(submitted[0], JSON.stringify(submitted)).toMatchObject({ status: 'applied', revisions: [{ layer: 'reviews', id: parcel, revision: review.revision + 1 }] });
    const accepted = await push('reviewer', [pushed({ kind: 'review-parcel', parcelId: parcel, baseRevision: review.revision + 1, review: { parcel_id: parcel, status: 'accepted', events: [step('accept', 'accepted', 'reviewer')] } })]);
    expect(accepted[0]).toMatchObject({ status: 'applied' });
    const stored = (await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/parcels/${parcel}/review`)).json() as { review: { status: string; events: { action: string; who: string }[] } };
    expect(stored.review.status).toBe('accepted');
    expect(stored.review.events.map((e) => [e.action, e.who])).toEqual([['submit', 'surveyor 用户'], ['accept', 'reviewer 用户']]);
  });

  it('answers a push of another programme as not found', async () => {
    const response = await server.call('outsider', 'POST', PUSH, { protocol: 1, deviceId: 'd', edits: [] });
    expect(response.statusCode).toBe(404);
  });
});
