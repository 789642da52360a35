// A programme's members: listed, added (by login, creating the account if asked), given another
// role, and removed, by the programme's admins or a server admin only. A programme always keeps
// one admin: the last one can neither be removed nor given another role.
import type { FastifyInstance } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import type { Account } from '../accounts.ts';
import { createAccount, findAccount, normaliseLogin } from '../accounts.ts';
import { inTransaction } from '../database.ts';
import { MAX_PASSWORD_LENGTH } from '../passwords.ts';
import { PROGRAMME_ROLES, programmeRoles, requirePermission, type ProgrammeRole } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { LOGIN_SCHEMA, PROGRAMME_PARAMS } from '../request-schemas.ts';
import { programmeNotFound, ServerError } from '../server-error.ts';

const ROLE_SCHEMA = { type: 'string', enum: [...PROGRAMME_ROLES] } as const;
const MEMBER_PARAMS = {
  type: 'object', required: ['programmeId', 'login', 'role'], additionalProperties: false,
  properties: { programmeId: PROGRAMME_PARAMS.properties.programmeId, login: LOGIN_SCHEMA, role: ROLE_SCHEMA },
} as const;

type MemberParams = { programmeId: string; login: string; role: ProgrammeRole };

/** A server admin manages any programme's members; anyone else only as the programme's admin. */
async function requireMemberAdmin(db: Pool | PoolClient, account: Account, programmeId: string): Promise<void> {
  if (account.isServerAdmin) {
    const { rowCount } = await db.query('select 1 from programmes where id = $1', [programmeId]);
    if (!rowCount) throw programmeNotFound(programmeId);
    return;
  }
  requirePermission(await programmeRoles(db, account, programmeId), 'addMembers');
}

/** Locks the programme's admin rows (two admins cannot demote each other at once) and refuses to take away the last. */
async function keepAnAdmin(client: PoolClient, programmeId: string, login: string): Promise<void> {
  const admins = await client.query<{ login: string }>(
    `select u.login from memberships m join users u on u.id = m.user_id where m.programme_id = $1 and m.role = 'admin' for update of m`, [programmeId]);
  if (admins.rows.length === 1 && admins.rows[0]!.login === login) {
    throw new ServerError(409, 'last_admin', `${login} is the programme's only admin: add another admin first`);
  }
}

async function dropRole(client: PoolClient, { programmeId, login, role }: MemberParams): Promise<void> {
  const removed = await client.query(
    'delete from memberships m using users u where u.id = m.user_id and m.programme_id = $1 and u.login = $2 and m.role = $3', [programmeId, login, role]);
  if (removed.rowCount === 0) throw new ServerError(404, 'not_found', `${login} is not a ${role} of this programme`);
}

export async function memberRoutes(app: FastifyInstance, options: { pool: Pool }): Promise<void> {
  const { pool } = options;

  app.get<{ Params: { programmeId: string } }>('/api/programmes/:programmeId/members', { schema: { params: PROGRAMME_PARAMS } }, async (request) => {
    const { programmeId } = request.params;
    await requireMemberAdmin(pool, requestAccount(request), programmeId);
    const { rows } = await pool.query<{ login: string; display_name: string; role: ProgrammeRole }>(
      `select u.login, u.display_name, m.role from memberships m join users u on u.id = m.user_id
       where m.programme_id = $1 order by u.login, m.role`, [programmeId]);
    return { members: rows.map((r) => ({ login: r.login, displayName: r.display_name, role: r.role })) };
  });

  app.post<{ Params: { programmeId: string }; Body: { login: string; role: ProgrammeRole; displayName?: string; password?: string } }>(
    '/api/programmes/:programmeId/members',
    {
      schema: {
        params: PROGRAMME_PARAMS,
        body: {
          type: 'object', required: ['login', 'role'], additionalProperties: false,
          properties: {
            login: LOGIN_SCHEMA, role: ROLE_SCHEMA,
            displayName: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', maxLength: MAX_PASSWORD_LENGTH },
          },
        },
      },
    },
    async (request, reply) => {
      const { programmeId } = request.params;
      await requireMemberAdmin(pool, requestAccount(request), programmeId);
      const { login, role, displayName, password } = request.body;
      const existing = await findAccount(pool, login);
      if (!existing && (displayName === undefined || password === undefined)) {
        throw new ServerError(404, 'no_account', `there is no account ${login}: give displayName and password to create it`);
      }
      const member = existing ?? (await createAccount(pool, { login, displayName: displayName!, password: password! }));
      await pool.query('insert into memberships (programme_id, user_id, role) values ($1, $2, $3) on conflict do nothing', [programmeId, member.id, role]);
      return reply.code(201).send({ login: member.login, displayName: member.displayName, role });
    },
  );

  // One role exchanged for another in one step, so a member is never left without a role between two requests.
  app.put<{ Params: MemberParams; Body: { role: ProgrammeRole } }>('/api/programmes/:programmeId/members/:login/:role', {
    schema: { params: MEMBER_PARAMS, body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: ROLE_SCHEMA } } },
  }, async (request) => {
    const account = requestAccount(request);
    const params = { ...request.params, login: normaliseLogin(request.params.login) };
    const next = request.body.role;
    await requireMemberAdmin(pool, account, params.programmeId);
    return inTransaction(pool, account.login, async (client) => {
      if (params.role === 'admin' && next !== 'admin') await keepAnAdmin(client, params.programmeId, params.login);
      await dropRole(client, params);
      await client.query(
        'insert into memberships (programme_id, user_id, role) select $1, u.id, $3 from users u where u.login = $2 on conflict do nothing',
        [params.programmeId, params.login, next]);
      const { displayName } = (await findAccount(client, params.login))!;
      return { login: params.login, displayName, role: next };
    });
  });

  app.delete<{ Params: MemberParams }>('/api/programmes/:programmeId/members/:login/:role', { schema: { params: MEMBER_PARAMS } }, async (request, reply) => {
    const account = requestAccount(request);
    const params = { ...request.params, login: normaliseLogin(request.params.login) };
    await requireMemberAdmin(pool, account, params.programmeId);
    await inTransaction(pool, account.login, async (client) => {
      if (params.role === 'admin') await keepAnAdmin(client, params.programmeId, params.login);
      await dropRole(client, params);
    });
    return reply.code(204).send();
  });
}
