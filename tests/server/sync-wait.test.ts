// Waiting for changes (GET …/sync/wait): a device waiting on its programme is answered as soon as
// anything changes it — an UPDATE typed in SQL included, through PostgreSQL's NOTIFY — and not for
// another programme's change; a non-member is told the programme does not exist; the server hears
// notifications again after its listening connection is cut; closing the server answers waiters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { DEMO_ID, OTHER_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

const WAIT = `/api/programmes/${DEMO_ID}/sync/wait`;

describe('waiting for changes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: { level: 'error' } });
  });
  afterAll(async () => server?.close());

  const lastSeq = async (programmeId = DEMO_ID): Promise<number> =>
    Number((await server.pool.query('select coalesce(max(seq), 0) as s from change_log where programme_id = $1', [programmeId])).rows[0].s);
  const treatedId = async (): Promise<string> =>
    (await server.pool.query<{ id: string }>('select id from treated where programme_id = $1 and not deleted order by id limit 1', [DEMO_ID])).rows[0]!.id;
  /** Starts a wait and tells when and how it was answered. */
  const startWait = (login: string, since: number, seconds: number, url = WAIT): Promise<{ response: LightMyRequestResponse; ms: number }> => {
    const started = performance.now();
    return server.call(login, 'GET', `${url}?since=${since}&seconds=${seconds}`).then((response) => ({ response, ms: performance.now() - started }));
  };
  /** Lets the wait reach its waiting point (authenticated, registered, log read). */
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

  it('wakes a waiting device when a treated polygon is updated straight in SQL', async () => {
    const since = await lastSeq();
    const waiting = startWait('surveyor', since, 30);
    await settle();
    await server.pool.query(`update treated set note = '监理现场改' where programme_id = $1 and id = $2`, [DEMO_ID, await treatedId()]);
    const { response, ms } = await waiting;
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ latest: await lastSeq() });
    expect((response.json() as { latest: number }).latest).toBeGreaterThan(since);
    // Long before the 30 s it would have waited.
    expect(ms).toBeLessThan(5_000);
  });

  it('answers at once when the log is already beyond the seq asked from', async () => {
    const latest = await lastSeq();
    const { response, ms } = await startWait('reviewer', latest - 1, 30);
    expect(response.json()).toEqual({ latest });
    expect(ms).toBeLessThan(5_000);
  });

  it("sleeps through another programme's change and answers at the timeout with the log unchanged", async () => {
    const since = await lastSeq();
    const waiting = startWait('planner', since, 2);
    await settle();
    await server.pool.query(`update parcels set note = '别的方案' where programme_id = $1 and id = (select min(id) from parcels where programme_id = $1)`, [OTHER_ID]);
    const { response, ms } = await waiting;
    expect(response.json()).toEqual({ latest: since });
    expect(ms).toBeGreaterThanOrEqual(1_900);
  });

  it('tells a non-member the programme does not exist, and asks a stranger to log in', async () => {
    const outsider = await server.call('outsider', 'GET', `${WAIT}?since=0&seconds=1`);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toMatchObject({ code: 'not_found' });
    expect((await server.call(null, 'GET', `${WAIT}?since=0&seconds=1`)).statusCode).toBe(401);
    expect((await server.call('surveyor', 'GET', `${WAIT}?since=x`)).statusCode).toBe(400);
  });

  it('hears notifications again after its listening connection is cut', async () => {
    const cut = await server.pool.query<{ ok: boolean }>(`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = 'fulv-server-listen' and datname = current_database()`);
    expect(cut.rows.map((r) => r.ok)).toEqual([true]);
    // Reconnected (within the backoff's first steps): a new listening session.
    await expect.poll(async () => (await server.pool.query(`select count(*)::int as n from pg_stat_activity where application_name = 'fulv-server-listen' and datname = current_database()`)).rows[0].n, { timeout: 10_000 }).toBe(1);
    const since = await lastSeq();
    const waiting = startWait('surveyor', since, 30);
    await settle();
    await server.pool.query(`update treated set note = '重连后' where programme_id = $1 and id = $2`, [DEMO_ID, await treatedId()]);
    const { response, ms } = await waiting;
    expect((response.json() as { latest: number }).latest).toBeGreaterThan(since);
    expect(ms).toBeLessThan(5_000);
  });

  it('answers its waiting requests when it closes, rather than holding the shutdown until they time out', async () => {
    const second = await buildServer({ pool: server.pool, loginAttemptsPerMinute: 1000 });
    const token = await server.token('surveyor');
    const started = performance.now();
    const waiting = second.inject({ method: 'GET', url: `${WAIT}?since=${await lastSeq()}&seconds=30`, headers: { authorization: `Bearer ${token}` } });
    await settle();
    await second.close();
    const response = await waiting;
    expect(response.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
