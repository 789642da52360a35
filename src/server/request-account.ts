// Who is asking: the account of the request's bearer token, set by the authentication hook of
// the routes that need a login (app.ts) and read by their handlers.
import type { FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { Account } from './accounts.ts';
import { unauthenticated } from './server-error.ts';
import { bearerToken, sessionAccount } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
  }
}

export function authenticate(pool: Pool) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated();
    const account = await sessionAccount(pool, token);
    if (!account) throw unauthenticated('the session has expired or was closed: log in again');
    request.account = account;
  };
}

export function requestAccount(request: FastifyRequest): Account {
  if (!request.account) throw unauthenticated();
  return request.account;
}
