// The Fulv server as a Fastify application: JSON in and out, errors as {code, message}, a body
// limit, logins rate-limited, every other /api route behind a bearer-token session.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Pool } from 'pg';
import { allowAppOrigins } from './app-origins.ts';
import { authenticate } from './request-account.ts';
import { editRoutes } from './routes/edit-routes.ts';
import { ogcRoutes } from './routes/ogc-routes.ts';
import { programmeRoutes } from './routes/programme-routes.ts';
import { DEFAULT_PUBLISH_BODY_LIMIT, publishRoutes } from './routes/publish-routes.ts';
import { loginRoute, sessionRoutes } from './routes/session-routes.ts';
import { ServerError, type ErrorBody } from './server-error.ts';

export interface ServerOptions {
  pool: Pool;
  /** How long a session lasts from login. */
  sessionHours?: number;
  /** Largest request body in bytes; larger ones are refused with 413. */
  bodyLimit?: number;
  /** Origins of the Fulv app allowed to call from another origin (CORS). */
  appOrigins?: readonly string[];
  /** Largest programme a publish may send (JSON bytes). */
  publishBodyLimit?: number;
  /** Login attempts per minute from one address. */
  loginAttemptsPerMinute?: number;
  /** Fastify's trustProxy: which reverse proxies' X-Forwarded-* headers to believe. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

function errorReply(error: FastifyError, bodyLimit: number): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof ServerError) {
    return { status: error.statusCode, body: { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) }, headers: error.headers };
  }
  if (error.validation) return { status: 400, body: { code: 'invalid_request', message: `the request is not valid: ${error.validationContext ?? 'request'} ${error.message}` } };
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: { code: 'body_too_large', message: `the request body is larger than ${bodyLimit} bytes` } };
  if (error.statusCode === 429) return { status: 429, body: { code: 'too_many_requests', message: `too many requests: ${error.message}` } };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: 'bad_request', message: error.message } };
  }
  return { status: 500, body: { code: 'internal', message: 'the server failed to handle this request; the error is in its log' } };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    // Unknown members of a body are refused, not silently dropped; types are not coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  app.decorateRequest('account', null);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body, headers } = errorReply(error, bodyLimit);
    if (status >= 500) request.log.error(error);
    return reply.code(status).headers(headers ?? {}).send(body);
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ code: 'not_found', message: `there is no ${request.method} ${request.url.split('?')[0]}` } satisfies ErrorBody));

  allowAppOrigins(app, options.appOrigins ?? []);
  await app.register(rateLimit, { global: false });
  const sessionOptions = { pool: options.pool, sessionHours: options.sessionHours ?? 12, loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10 };
  await app.register(loginRoute, sessionOptions);
  await app.register(async (withLogin) => {
    withLogin.addHook('onRequest', authenticate(options.pool));
    await withLogin.register(sessionRoutes, sessionOptions);
    await withLogin.register(programmeRoutes, { pool: options.pool });
    await withLogin.register(editRoutes, { pool: options.pool, now });
    await withLogin.register(ogcRoutes, { pool: options.pool });
    await withLogin.register(publishRoutes, { pool: options.pool, now, publishBodyLimit: options.publishBodyLimit ?? DEFAULT_PUBLISH_BODY_LIMIT });
  });
  return app;
}
