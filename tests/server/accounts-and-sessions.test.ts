// Who can get in and what they see: a bearer-token session from a password login, nothing
// without it (no cookie counts), only the programmes one belongs to, sessions that end.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/accounts.ts';
import { DEMO_ID, OTHER_ID, PASSWORD, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('accounts and sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('refuses every programme route without a login, with 401 and a JSON reason', async () => {
    for (const [method, url] of [['GET', '/api/me'], ['GET', '/api/programmes'], ['GET', `/api/programmes/${DEMO_ID}`],
      ['POST', `/api/programmes/${DEMO_ID}/treated-edits`], ['PUT', `/api/programmes/${DEMO_ID}/targets`]] as const) {
      const response = await server.call(null, method, url, method === 'GET' ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('Bearer') });
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('logs in with the right password only, and tells nothing about which part was wrong', async () => {
    const wrong = await server.call(null, 'POST', '/api/login', { login: 'surveyor', password: 'not the password' });
    const unknown = await server.call(null, 'POST', '/api/login', { login: 'nobody', password: PASSWORD });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const right = await server.call(null, 'POST', '/api/login', { login: 'Surveyor', password: PASSWORD });
    expect(right.statusCode).toBe(201);
    const body = right.json() as { token: string; expiresAt: string };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect(right.headers['cache-control']).toBe('no-store');
  });

  it('stores neither passwords nor session tokens in the clear', async () => {
    const token = await server.token('planner');
    const { rows: users } = await server.pool.query<{ password_hash: string }>(`select password_hash from users where login = 'planner'`);
    expect(users[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(users[0]!.password_hash).not.toContain(PASSWORD);
    const { rows: sessions } = await server.pool.query<{ token_hash: Buffer }>('select token_hash from sessions');
    expect(sessions.every((s) => s.token_hash.length === 32 && !s.token_hash.toString('latin1').includes(token))).toBe(true);
  });

  it('shows a member their own programmes and roles, and no other programme exists for them', async () => {
    const mine = await server.call('surveyor', 'GET', '/api/programmes');
    expect(mine.statusCode).toBe(200);
    expect((mine.json() as { programmes: { id: string; roles: string[] }[] }).programmes.map((p) => [p.id, p.roles])).toEqual([[DEMO_ID, ['surveyor']]]);
    const other = await server.call('surveyor', 'GET', `/api/programmes/${OTHER_ID}`);
    const missing = await server.call('surveyor', 'GET', '/api/programmes/NO-SUCH');
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not_found' });
    const outsider = await server.call('outsider', 'GET', `/api/programmes/${DEMO_ID}/treated/QA-T001`);
    expect(outsider.statusCode).toBe(404);
    const me = await server.call('outsider', 'GET', '/api/me');
    expect(me.json()).toMatchObject({ login: 'outsider', memberships: [{ programmeId: OTHER_ID, role: 'admin' }] });
  });

  it('accepts the session only as a bearer token, never from a cookie (CSRF-safe)', async () => {
    const token = await server.token('reviewer');
    for (const cookie of [`session=${token}`, `token=${token}`, `Authorization=Bearer ${token}`]) {
      const response = await server.app.inject({ method: 'PUT', url: `/api/programmes/${DEMO_ID}/targets`, headers: { cookie }, payload: { baseRevision: 1, table: {} } });
      expect(response.statusCode).toBe(401);
    }
    const response = await server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Basic ${token}` } });
    expect(response.statusCode).toBe(401);
  });

  it('ends a session at logout and when it expires', async () => {
    const login = await server.call(null, 'POST', '/api/login', { login: 'admin', password: PASSWORD });
    const token = (login.json() as { token: string }).token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await server.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/api/logout', headers })).statusCode).toBe(204);
    expect((await server.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);

    const again = (await server.call(null, 'POST', '/api/login', { login: 'admin', password: PASSWORD })).json() as { token: string };
    const hash = createHash('sha256').update(again.token).digest();
    await server.pool.query(`update sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [hash]);
    const expired = await server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${again.token}` } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ message: expect.stringContaining('expired') });
  });

  it('changes a password only with the current one, ending the account’s other sessions', async () => {
    await createAccount(server.pool, { login: 'zhao', displayName: '赵', password: PASSWORD });
    const login = async (password: string) => server.call(null, 'POST', '/api/login', { login: 'zhao', password });
    const phone = ((await login(PASSWORD)).json() as { token: string }).token;
    const laptop = ((await login(PASSWORD)).json() as { token: string }).token;
    const change = (body: unknown) => server.app.inject({ method: 'POST', url: '/api/me/password', headers: { authorization: `Bearer ${laptop}` }, payload: body as object });
    expect((await change({ currentPassword: 'wrong password', newPassword: 'a new long password' })).statusCode).toBe(403);
    expect((await change({ currentPassword: PASSWORD, newPassword: 'short' })).statusCode).toBe(400);
    expect((await change({ currentPassword: PASSWORD, newPassword: 'a new long password' })).statusCode).toBe(204);
    const me = (token: string) => server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login('a new long password')).statusCode).toBe(201);
  });
});
