// The programmes a user belongs to, and their members. A programme the user is not a member of
// does not exist as far as they can tell (404).
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { createAccount, findAccount, normaliseLogin } from '../accounts.ts';
import { inTransaction } from '../database.ts';
import { PROGRAMME_ROLES, programmeRoles, requirePermission, type ProgrammeRole } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { LOGIN_SCHEMA, PROGRAMME_PARAMS } from '../request-schemas.ts';
import { programmeNotFound, ServerError } from '../server-error.ts';
import { MAX_PASSWORD_LENGTH } from '../passwords.ts';

interface ProgrammeRow {
  id: string;
  name: string;
  name_en: string;
  county: string;
  area_level: string;
  buffer_distances: Record<string, number>;
  revision: number;
  roles: ProgrammeRole[];
}

const PROGRAMME_SELECT = `select p.id, p.name, p.name_en, p.county, p.area_level, p.buffer_distances, p.revision,
  array_agg(m.role order by m.role) as roles
  from programmes p join memberships m on m.programme_id = p.id`;

function programmeSummary(row: ProgrammeRow) {
  return {
    id: row.id, name: row.name, nameEn: row.name_en, county: row.county, areaLevel: row.area_level,
    bufferDistances: row.buffer_distances, revision: row.revision, roles: row.roles,
  };
}

export async function programmeRoutes(app: FastifyInstance, options: { pool: Pool }): Promise<void> {
  const { pool } = options;

  app.get('/api/programmes', async (request) => {
    const { rows } = await pool.query<ProgrammeRow>(`${PROGRAMME_SELECT} where m.user_id = $1 group by p.id order by p.id`, [requestAccount(request).id]);
    return { programmes: rows.map(programmeSummary) };
  });

  app.get<{ Params: { programmeId: string } }>('/api/programmes/:programmeId', { schema: { params: PROGRAMME_PARAMS } }, async (request) => {
    const { rows } = await pool.query<ProgrammeRow>(`${PROGRAMME_SELECT} where m.user_id = $1 and p.id = $2 group by p.id`, [requestAccount(request).id, request.params.programmeId]);
    if (!rows[0]) throw programmeNotFound(request.params.programmeId);
    return programmeSummary(rows[0]);
  });

  app.get<{ Params: { programmeId: string } }>('/api/programmes/:programmeId/members', { schema: { params: PROGRAMME_PARAMS } }, async (request) => {
    const { programmeId } = request.params;
    requirePermission(await programmeRoles(pool, requestAccount(request), programmeId), 'addMembers');
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
            login: LOGIN_SCHEMA, role: { type: 'string', enum: [...PROGRAMME_ROLES] },
            displayName: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', maxLength: MAX_PASSWORD_LENGTH },
          },
        },
      },
    },
    async (request, reply) => {
      const { programmeId } = request.params;
      const admin = requestAccount(request);
      requirePermission(await programmeRoles(pool, admin, programmeId), 'addMembers');
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

  app.delete<{ Params: { programmeId: string; login: string; role: ProgrammeRole } }>('/api/programmes/:programmeId/members/:login/:role', {
    schema: {
      params: {
        type: 'object', required: ['programmeId', 'login', 'role'], additionalProperties: false,
        properties: { programmeId: PROGRAMME_PARAMS.properties.programmeId, login: LOGIN_SCHEMA, role: { type: 'string', enum: [...PROGRAMME_ROLES] } },
      },
    },
  }, async (request, reply) => {
    const { programmeId, login, role } = request.params;
    requirePermission(await programmeRoles(pool, requestAccount(request), programmeId), 'addMembers');
    await inTransaction(pool, requestAccount(request).login, async (client) => {
      // Lock the programme's admin rows so two admins cannot remove each other at once.
      const admins = await client.query<{ login: string }>(
        `select u.login from memberships m join users u on u.id = m.user_id where m.programme_id = $1 and m.role = 'admin' for update of m`, [programmeId]);
      const target = normaliseLogin(login);
      if (role === 'admin' && admins.rows.length === 1 && admins.rows[0]!.login === target) {
        throw new ServerError(409, 'last_admin', `${target} is the programme's only admin: add another admin first`);
      }
      const removed = await client.query(
        'delete from memberships m using users u where u.id = m.user_id and m.programme_id = $1 and u.login = $2 and m.role = $3', [programmeId, target, role]);
      if (removed.rowCount === 0) throw new ServerError(404, 'not_found', `${target} is not a ${role} of this programme`);
    });
    return reply.code(204).send();
  });
}
