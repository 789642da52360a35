// Hostile requests change nothing: SQL injection in every field and parameter, oversized bodies,
// brute-force logins (slowed per account and per address, behind a trusted proxy too).
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { DEMO_ID, PASSWORD, startTestServer, type TestServer } from '../helpers/server-app.ts';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE parcels; --",
  "QA-DEMO'--",
  "1; UPDATE parcels SET status = 'closed'",
  "x' UNION SELECT password_hash FROM users --",
  '$1',
  "\\'; DELETE FROM treated; --",
  "QA-M04-P1' OR programme_id <> '",
];

/** A fingerprint of every table's content, except the session and failed-login bookkeeping. */
async function contents(pool: Pool): Promise<Record<string, string>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
     and table_name not in ('spatial_ref_sys', 'sessions', 'login_failures') order by table_name`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ digest: string; count: string }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*) as count from "${name}" t`);
    result[name] = `${rows[0]!.count}:${rows[0]!.digest}`;
  }
  return result;
}

describe('hostile requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('treats SQL in every field and parameter as plain data and changes nothing', async () => {
    const before = await contents(server.pool);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['parcels', 'treated', 'reviews', 'users', 'memberships', 'change_log', 'programmes', 'targets']));
    const square = { type: 'Polygon', coordinates: [[[118.6, 40.0], [118.601, 40.0], [118.601, 40.001], [118.6, 40.001], [118.6, 40.0]]] };
    const treated = (properties: Record<string, unknown>) => ({
      kind: 'create-treated', baseRevision: 0,
      feature: { type: 'Feature', geometry: square, properties: { id: 'QA-DEMO-U-inj', parcel_id: 'QA-M01-P1', mine_id: 'QA-M01', date: '2025-04-01', measure: 'vegetation', direction: 'forest', surveyor: '张伟', note: '', ...properties } },
    });
    const statuses: number[] = [];
    for (const sql of INJECTIONS) {
      const part = encodeURIComponent(sql);
      const requests: [string | null, 'GET' | 'POST' | 'PUT', string, unknown?][] = [
        [null, 'POST', '/api/login', { login: sql, password: sql }],
        [null, 'POST', '/api/login', { login: 'admin', password: sql }],
        ['admin', 'GET', `/api/programmes/${part}`],
        ['admin', 'GET', `/api/programmes/${part}/members`],
        ['admin', 'GET', `/api/programmes/${DEMO_ID}/treated/${part}`],
        ['admin', 'GET', `/api/programmes/${DEMO_ID}/parcels/${part}/review?baseRevision=${part}`],
        ['admin', 'POST', `/api/programmes/${part}/treated-edits`, treated({})],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, treated({ id: sql })],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, treated({ parcel_id: sql })],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, treated({ mine_id: sql })],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, treated({ date: sql })],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, treated({ measure: sql, note: sql, surveyor: sql })],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, treated({ direction: sql, source_attributes: { [sql]: sql } })],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: sql, baseRevision: 0 }],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'delete-treated', id: sql, baseRevision: 1 }],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'update-treated-attributes', id: 'QA-T001', baseRevision: 1, attributes: { [sql]: 'x', parcel_id: sql } }],
        ['reviewer', 'POST', `/api/programmes/${DEMO_ID}/parcels/${part}/review`, { action: 'accept', note: sql, baseRevision: 0 }],
        ['reviewer', 'POST', `/api/programmes/${DEMO_ID}/parcels/QA-M04-P1/review`, { action: sql, note: sql, baseRevision: 0 }],
        ['reviewer', 'POST', `/api/programmes/${DEMO_ID}/parcels/QA-M01-P1/review`, { action: 'accept', note: sql, baseRevision: 0 }],
        ['reviewer', 'POST', `/api/programmes/${DEMO_ID}/parcels/QA-M04-P1/review`, { action: 'accept', note: sql, baseRevision: sql }],
        ['planner', 'PUT', `/api/programmes/${DEMO_ID}/targets`, { baseRevision: 1, table: { rows: [{ township_id: sql, category_group: sql, year: 2025, target_mu: 1 }], stated_totals: [], source: sql } }],
        ['planner', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 1, distances: { [sql]: 100 } }],
        ['planner', 'PUT', `/api/programmes/${DEMO_ID}/buffer-distances`, { baseRevision: 1, distances: { river_lake: sql } }],
        ['admin', 'POST', `/api/programmes/${DEMO_ID}/members`, { login: sql, role: 'surveyor', displayName: sql, password: 'long enough password' }],
        ['admin', 'POST', `/api/programmes/${DEMO_ID}/members`, { login: 'surveyor', role: sql }],
        ['admin', 'GET', `/api/programmes/${DEMO_ID}/changes?after=${part}`],
        ['admin', 'GET', `/api/programmes/${part}/targets`],
        ['admin', 'GET', `/api/programmes/${DEMO_ID}/photos/${part}/content`],
        ['surveyor', 'PUT', `/api/programmes/${DEMO_ID}/photo-bytes/${part}`, { bytes: sql }],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/photo-edits`, { edit: { kind: 'add-photo', baseRevision: 0, photo: { id: sql, feature_id: sql, taken_at: sql, location: null, size: 10, type: 'image/png', name: sql } }, sha256: 'a'.repeat(64) }],
        ['surveyor', 'POST', `/api/programmes/${DEMO_ID}/photo-edits`, { edit: { kind: 'remove-photo', photoId: sql, baseRevision: 1 } }],
      ];
      for (const [who, method, url, body] of requests) {
        const response = await server.call(who, method, url, body);
        statuses.push(response.statusCode);
        expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
        expect(response.json()).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      }
    }
    expect(await contents(server.pool)).toEqual(before);
    // The failed logins were recorded under the login exactly as typed (in lower case): a value, not SQL.
    const { rows } = await server.pool.query<{ login: string }>('select login from login_failures where login = $1', [INJECTIONS[0]!.toLowerCase()]);
    expect(rows).toHaveLength(1);
    expect(statuses).toContain(400);
  });

  it('stores free text that looks like SQL exactly as typed', async () => {
    const sql = INJECTIONS[1]!;
    const [record] = (await server.pool.query<{ id: string; revision: number }>(`select id, revision from treated where programme_id = $1 order by id limit 1`, [DEMO_ID])).rows;
    const response = await server.call('surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'update-treated-attributes', id: record!.id, baseRevision: record!.revision, attributes: { note: sql, surveyor: INJECTIONS[0] } });
    expect(response.statusCode, response.body).toBe(200);
    const { rows } = await server.pool.query('select note, surveyor from treated where programme_id = $1 and id = $2', [DEMO_ID, record!.id]);
    expect(rows[0]).toEqual({ note: sql, surveyor: INJECTIONS[0] });
    expect(Number((await server.pool.query('select count(*) from parcels')).rows[0].count)).toBeGreaterThan(100);
  });

  it('refuses bodies over the limit with 413 before reading them into any handler', async () => {
    const small = await buildServer({ pool: server.pool, bodyLimit: 64 * 1024 });
    try {
      const before = await contents(server.pool);
      const note = 'x'.repeat(100 * 1024);
      const token = await server.token('surveyor');
      const big = await small.inject({
        method: 'POST', url: `/api/programmes/${DEMO_ID}/treated-edits`, headers: { authorization: `Bearer ${token}` },
        payload: { kind: 'update-treated-attributes', id: 'QA-T001', baseRevision: 1, attributes: { note } },
      });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toEqual({ code: 'body_too_large', message: 'the request body is larger than 65536 bytes' });
      const login = await small.inject({ method: 'POST', url: '/api/login', payload: { login: 'admin', password: note } });
      expect(login.statusCode).toBe(413);
      expect(await contents(server.pool)).toEqual(before);
    } finally {
      await small.close();
    }
    // The default limit (4 MiB) holds too.
    const huge = await server.call('surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'update-treated-attributes', id: 'QA-T001', baseRevision: 1, attributes: { note: 'y'.repeat(5 * 1024 * 1024) } });
    expect(huge.statusCode).toBe(413);
  });

  it('slows guessing one account: after three failures each attempt waits twice as long, even with the right password', async () => {
    const attempt = (password: string) => server.call(null, 'POST', '/api/login', { login: 'reviewer', password });
    for (let i = 0; i < 3; i++) expect((await attempt(`guess ${i}`)).statusCode).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'login_throttled', message: expect.stringMatching(/try again in 1 s/) });
    expect(blocked.headers['retry-after']).toBe('1');
    // The wait over, one more wrong guess doubles it.
    await server.pool.query(`update login_failures set last_failure = now() - interval '2 seconds' where login = 'reviewer'`);
    expect((await attempt('guess 3')).statusCode).toBe(401);
    const longer = await attempt(PASSWORD);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    await server.pool.query(`update login_failures set last_failure = now() - interval '3 seconds' where login = 'reviewer'`);
    expect((await attempt(PASSWORD)).statusCode).toBe(201);
    expect((await server.pool.query(`select 1 from login_failures where login = 'reviewer'`)).rowCount).toBe(0);
  });

  it('forgets failed logins after a day without any', async () => {
    await server.pool.query(`insert into login_failures (login, failures, last_failure) values ('planner', 12, now() - interval '25 hours')`);
    expect((await server.call(null, 'POST', '/api/login', { login: 'planner', password: 'wrong once' })).statusCode).toBe(401);
    const { rows } = await server.pool.query(`select failures from login_failures where login = 'planner'`);
    expect(rows).toEqual([{ failures: 1 }]);
    expect((await server.call(null, 'POST', '/api/login', { login: 'planner', password: PASSWORD })).statusCode).toBe(201);
  });

  it('limits login attempts per address per minute, reading the address behind a trusted proxy', async () => {
    const direct = await buildServer({ pool: server.pool, loginAttemptsPerMinute: 3 });
    const proxied = await buildServer({ pool: server.pool, loginAttemptsPerMinute: 3, trustProxy: '127.0.0.1' });
    try {
      // A new login each time, so that the per-account delay never applies here.
      let n = 0;
      const login = (app: typeof direct, remoteAddress: string, headers: Record<string, string> = {}) =>
        app.inject({ method: 'POST', url: '/api/login', remoteAddress, headers, payload: { login: `nobody${n++}`, password: 'wrong password' } });
      for (let i = 0; i < 3; i++) expect((await login(direct, '10.0.0.1')).statusCode).toBe(401);
      const limited = await login(direct, '10.0.0.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'too_many_requests' });
      expect((await login(direct, '10.0.0.2')).statusCode).toBe(401);
      // An untrusted client cannot escape the limit by claiming another address.
      const spoofed = await login(direct, '10.0.0.1', { 'x-forwarded-for': '192.0.2.9' });
      expect(spoofed.json()).toMatchObject({ code: 'too_many_requests' });

      for (let i = 0; i < 3; i++) expect((await login(proxied, '127.0.0.1', { 'x-forwarded-for': '203.0.113.5' })).statusCode).toBe(401);
      expect((await login(proxied, '127.0.0.1', { 'x-forwarded-for': '203.0.113.5' })).statusCode).toBe(429);
      expect((await login(proxied, '127.0.0.1', { 'x-forwarded-for': '203.0.113.6' })).statusCode).toBe(401);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });

  it('answers malformed requests with a JSON reason, never a stack', async () => {
    const token = await server.token('surveyor');
    const notJson = await server.app.inject({ method: 'POST', url: `/api/programmes/${DEMO_ID}/treated-edits`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"kind": ' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const unknownField = await server.call(null, 'POST', '/api/login', { login: 'admin', password: PASSWORD, admin: true });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json()).toMatchObject({ code: 'invalid_request' });
    const nowhere = await server.call('surveyor', 'GET', '/api/nowhere');
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.body).not.toMatch(/at .*\.ts/);
  });
});
