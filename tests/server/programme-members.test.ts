// Managing a programme's members (the app's Settings → Team server → Members): its admins and the
// server's admins list, add, re-role and remove members; nobody else can, however the request is
// made; and a programme always keeps one admin. Judged by the memberships table itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/accounts.ts';
import { DEMO_ID, OTHER_ID, PASSWORD, startTestServer, type TestServer } from '../helpers/server-app.ts';

const MEMBERS = `/api/programmes/${DEMO_ID}/members`;

describe("a programme's members", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createAccount(server.pool, { login: 'root', displayName: '服务器管理员', password: PASSWORD, isServerAdmin: true });
  });
  afterAll(async () => server?.close());

  async function memberships(programmeId = DEMO_ID): Promise<string[]> {
    const { rows } = await server.pool.query<{ login: string; role: string }>(
      'select u.login, m.role from memberships m join users u on u.id = m.user_id where m.programme_id = $1 order by u.login, m.role', [programmeId]);
    return rows.map((r) => `${r.login}:${r.role}`);
  }

  it('lists them, with names and roles, to an admin', async () => {
    const response = await server.call('admin', 'GET', MEMBERS);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      members: [
        { login: 'admin', displayName: 'admin 用户', role: 'admin' },
        { login: 'planner', displayName: 'planner 用户', role: 'planner' },
        { login: 'reviewer', displayName: 'reviewer 用户', role: 'reviewer' },
        { login: 'surveyor', displayName: 'surveyor 用户', role: 'surveyor' },
      ],
    });
  });

  it('exchanges one role for another in one step', async () => {
    const changed = await server.call('admin', 'PUT', `${MEMBERS}/Planner/planner`, { role: 'reviewer' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ login: 'planner', displayName: 'planner 用户', role: 'reviewer' });
    expect(await memberships()).toEqual(['admin:admin', 'planner:reviewer', 'reviewer:reviewer', 'surveyor:surveyor']);
    // To a role the member already has: the two become one.
    await server.call('admin', 'POST', MEMBERS, { login: 'planner', role: 'planner' });
    expect((await server.call('admin', 'PUT', `${MEMBERS}/planner/reviewer`, { role: 'planner' })).statusCode).toBe(200);
    expect(await memberships()).toEqual(['admin:admin', 'planner:planner', 'reviewer:reviewer', 'surveyor:surveyor']);
    // A role the member does not have.
    const missing = await server.call('admin', 'PUT', `${MEMBERS}/planner/surveyor`, { role: 'reviewer' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', message: 'planner is not a surveyor of this programme' });
  });

  it('refuses everyone but an admin, and every forged request, changing nothing', async () => {
    const before = await memberships();
    const refusals: [string | null, 'GET' | 'POST' | 'PUT' | 'DELETE', string, unknown, number][] = [
      // A surveyor making themself admin, or removing someone; a member of another programme; nobody logged in.
      ['surveyor', 'PUT', `${MEMBERS}/surveyor/surveyor`, { role: 'admin' }, 403],
      ['surveyor', 'POST', MEMBERS, { login: 'surveyor', role: 'admin' }, 403],
      ['surveyor', 'DELETE', `${MEMBERS}/admin/admin`, undefined, 403],
      ['reviewer', 'GET', MEMBERS, undefined, 403],
      ['outsider', 'GET', MEMBERS, undefined, 404],
      ['outsider', 'PUT', `${MEMBERS}/surveyor/surveyor`, { role: 'planner' }, 404],
      [null, 'PUT', `${MEMBERS}/surveyor/surveyor`, { role: 'planner' }, 401],
      // Roles and logins that are not roles or logins, and bodies with more in them.
      ['admin', 'PUT', `${MEMBERS}/surveyor/surveyor`, { role: 'owner' }, 400],
      ['admin', 'PUT', `${MEMBERS}/surveyor/owner`, { role: 'planner' }, 400],
      ['admin', 'PUT', `${MEMBERS}/surveyor/surveyor`, { role: 'planner', isServerAdmin: true }, 400],
      ['admin', 'PUT', `${MEMBERS}/${encodeURIComponent("x' or 1=1 --")}/surveyor`, { role: 'planner' }, 400],
      ['admin', 'PUT', `${MEMBERS}/surveyor/surveyor`, {}, 400],
      ['admin', 'POST', MEMBERS, { login: 'surveyor', role: 'planner', programmeId: OTHER_ID }, 400],
      // An admin of this programme is nobody in another.
      ['admin', 'PUT', `/api/programmes/${OTHER_ID}/members/outsider/admin`, { role: 'surveyor' }, 404],
    ];
    for (const [login, method, url, body, status] of refusals) {
      const response = await server.call(login, method, url, body);
      expect(response.statusCode, `${login} ${method} ${url} ${JSON.stringify(body)}: ${response.body}`).toBe(status);
    }
    expect(await memberships()).toEqual(before);
    expect(await memberships(OTHER_ID)).toEqual(['outsider:admin']);
    const forbidden = await server.call('surveyor', 'PUT', `${MEMBERS}/surveyor/surveyor`, { role: 'admin' });
    expect(forbidden.json()).toEqual({ code: 'forbidden', message: 'only a programme admin may add members; your role in this programme: surveyor' });
  });

  it('never leaves the programme without an admin', async () => {
    for (const [method, url, body] of [['PUT', `${MEMBERS}/admin/admin`, { role: 'planner' }], ['DELETE', `${MEMBERS}/admin/admin`, undefined]] as const) {
      const response = await server.call('admin', method, url, body);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual({ code: 'last_admin', message: "admin is the programme's only admin: add another admin first" });
    }
    expect(await memberships()).toContain('admin:admin');
    // With a second admin, the first may step down — and the second then cannot.
    expect((await server.call('admin', 'PUT', `${MEMBERS}/reviewer/reviewer`, { role: 'admin' })).statusCode).toBe(200);
    expect((await server.call('admin', 'PUT', `${MEMBERS}/admin/admin`, { role: 'planner' })).statusCode).toBe(200);
    expect((await server.call('reviewer', 'DELETE', `${MEMBERS}/reviewer/admin`)).statusCode).toBe(409);
    expect(await memberships()).toEqual(['admin:planner', 'planner:planner', 'reviewer:admin', 'surveyor:surveyor']);
    // The former admin has lost the right with the role.
    expect((await server.call('admin', 'GET', MEMBERS)).statusCode).toBe(403);
  });

  it("lets a server admin manage any programme's members without being one", async () => {
    const list = await server.call('root', 'GET', `/api/programmes/${OTHER_ID}/members`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ members: [{ login: 'outsider', displayName: 'outsider 用户', role: 'admin' }] });
    expect((await server.call('root', 'POST', `/api/programmes/${OTHER_ID}/members`, { login: 'surveyor', role: 'surveyor' })).statusCode).toBe(201);
    expect((await server.call('root', 'PUT', `/api/programmes/${OTHER_ID}/members/surveyor/surveyor`, { role: 'reviewer' })).statusCode).toBe(200);
    expect((await server.call('root', 'DELETE', `/api/programmes/${OTHER_ID}/members/outsider/admin`)).statusCode).toBe(409);
    expect(await memberships(OTHER_ID)).toEqual(['outsider:admin', 'surveyor:reviewer']);
    expect((await server.call('root', 'GET', '/api/programmes/NO-SUCH/members')).statusCode).toBe(404);
  });
});
