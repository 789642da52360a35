// Logging in and out, and who am I. Login is the one route without a session: slowed per
// address (rate limit) and per account (login-throttle.ts).
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { findAccount, normaliseLogin, setPassword } from '../accounts.ts';
import { clearFailures, recordFailure, remainingWait } from '../login-throttle.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from '../passwords.ts';
import { requestAccount } from '../request-account.ts';
import { ServerError } from '../server-error.ts';
import { bearerToken, closeOtherSessions, closeSession, openSession } from '../sessions.ts';

export interface SessionRouteOptions {
  pool: Pool;
  sessionHours: number;
  loginAttemptsPerMinute: number;
}

export async function loginRoute(app: FastifyInstance, options: SessionRouteOptions): Promise<void> {
  const { pool } = options;
  app.post<{ Body: { login: string; password: string } }>('/api/login', {
    config: { rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: '1 minute' } },
    schema: {
      body: {
        type: 'object', required: ['login', 'password'], additionalProperties: false,
        properties: { login: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH } },
      },
    },
  }, async (request, reply) => {
    const login = normaliseLogin(request.body.login);
    const wait = await remainingWait(pool, login);
    if (wait > 0) {
      throw new ServerError(429, 'login_throttled', `too many failed logins for this account: try again in ${wait} s`, { headers: { 'retry-after': String(wait) } });
    }
    const account = await findAccount(pool, login);
    if (!(await verifyPassword(account?.passwordHash ?? null, request.body.password)) || !account) {
      await recordFailure(pool, login);
      throw new ServerError(401, 'bad_credentials', 'wrong login or password');
    }
    await clearFailures(pool, login);
    const session = await openSession(pool, account.id, options.sessionHours);
    return reply.code(201).send({ ...session, account: { login: account.login, displayName: account.displayName } });
  });
}

export async function sessionRoutes(app: FastifyInstance, options: SessionRouteOptions): Promise<void> {
  const { pool } = options;
  app.post('/api/logout', async (request, reply) => {
    await closeSession(pool, bearerToken(request.headers.authorization)!);
    return reply.code(204).send();
  });

  // A changed password ends the account's other sessions (a lost phone, a shared first password).
  app.post<{ Body: { currentPassword: string; newPassword: string } }>('/api/me/password', {
    schema: {
      body: {
        type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false,
        properties: { currentPassword: { type: 'string', maxLength: MAX_PASSWORD_LENGTH }, newPassword: { type: 'string', maxLength: MAX_PASSWORD_LENGTH } },
      },
    },
  }, async (request, reply) => {
    const account = requestAccount(request);
    const stored = await findAccount(pool, account.login);
    if (!(await verifyPassword(stored?.passwordHash ?? null, request.body.currentPassword))) {
      throw new ServerError(403, 'bad_credentials', 'the current password is wrong');
    }
    await setPassword(pool, account.id, request.body.newPassword);
    await closeOtherSessions(pool, account.id, bearerToken(request.headers.authorization)!);
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => {
    const account = requestAccount(request);
    const { rows } = await pool.query<{ programme_id: string; role: string }>(
      'select programme_id, role from memberships where user_id = $1 order by programme_id, role', [account.id]);
    return {
      login: account.login, displayName: account.displayName, isServerAdmin: account.isServerAdmin,
      memberships: rows.map((r) => ({ programmeId: r.programme_id, role: r.role })),
    };
  });
}
