// The Fulv server as a Fastify application: JSON in and out, errors as {code, message}, a body
// limit, logins rate-limited, every other /api route behind a bearer-token session.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ClientConfig, Pool } from 'pg';
import { serveAppFiles } from './app-files.ts';
import { allowAppOrigins } from './app-origins.ts';
import { ChangeNotifications } from './change-notifications.ts';
import { authenticate } from './request-account.ts';
import { changeLogRoutes } from './routes/change-log-routes.ts';
import { editRoutes } from './routes/edit-routes.ts';
import { memberRoutes } from './routes/member-routes.ts';
import { ogcRoutes } from './routes/ogc-routes.ts';
import { photoRoutes } from './routes/photo-routes.ts';
import { programmeRoutes } from './routes/programme-routes.ts';
import { DEFAULT_PUBLISH_BODY_LIMIT, publishRoutes } from './routes/publish-routes.ts';
import { loginRoute, sessionRoutes } from './routes/session-routes.ts';
import { syncRoutes } from './routes/sync-routes.ts';
import { ServerError, type ErrorBody } from './server-error.ts';

export interface ServerOptions {
  /** The primary database: writes, sessions, memberships. */
  pool: Pool;
  /** A read replica for plain reads of programme data; the primary when not given. */
  readPool?: Pool;
  /** How long a session lasts from login. */
  sessionHours?: number;
  /** Largest request body in bytes; larger ones are refused with 413. */
  bodyLimit?: number;
  /**
   * Where to LISTEN for change notifications: a direct connection to the primary (LISTEN does not
   * pass pgbouncer's transaction mode). The primary pool's settings when not given.
   */
  listenConnection?: string | ClientConfig;
  /** The built app (dist/) to serve at /, for one origin of app and API. */
  appDir?: string;
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
  // Two requests creating the same record at the same moment: the database let one through.
  if (error.code === '23505' || error.code === '40P01') {
    return { status: 409, body: { code: 'conflict', message: 'the same record was changed by another request at the same moment; read it again and retry' } };
  }
  // A value the app's rules let through but a constraint of the schema did not (a last line of defence).
  if (error.code === '23514' || error.code === '23503' || error.code === '23502' || error.code?.startsWith('22')) {
    const constraint = (error as FastifyError & { constraint?: string }).constraint;
    return { status: 400, body: { code: 'refused_by_database', message: `the database refused a value${constraint ? ` (${constraint})` : ''}: ${error.message}` } };
  }
  if (error.validation) return { status: 400, body: { code: 'invalid_request', message: `the request is not valid: ${error.validationContext ?? 'request'} ${error.message}` } };
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: { code: 'body_too_large', message: `the request body is larger than ${bodyLimit} bytes` } };
  if (error.statusCode === 429) return { status: 429, body: { code: 'too_many_requests', message: `too many requests: ${error.message}` } };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: error.statusCode === 415 ? 'unsupported_type' : 'bad_request', message: error.message } };
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
  // Answers carry session tokens and programme data: never cached, never sniffed as another type.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A route with its own limit (publishing) is quoted with that limit, not the general one.
    const { status, body, headers } = errorReply(error, request.routeOptions.bodyLimit ?? bodyLimit);
    if (status >= 500) request.log.error(error);
    return reply.code(status).headers(headers ?? {}).send(body);
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ code: 'not_found', message: `there is no ${request.method} ${request.url.split('?')[0]}` } satisfies ErrorBody));

  const changes = new ChangeNotifications({ connection: options.listenConnection ?? options.pool.options, onError: (error) => app.log.warn(`change notifications: ${error.message}; reconnecting`) });
  await changes.start();
  // Waiting requests are answered before the server stops, or closing would wait for their timeout.
  app.addHook('preClose', () => changes.close());

  allowAppOrigins(app, options.appOrigins ?? []);
  await serveAppFiles(app, options.appDir);
  await app.register(rateLimit, { global: false });
  const sessionOptions = { pool: options.pool, sessionHours: options.sessionHours ?? 12, loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10 };
  await app.register(loginRoute, sessionOptions);
  await app.register(async (withLogin) => {
    withLogin.addHook('onRequest', authenticate(options.pool));
    await withLogin.register(sessionRoutes, sessionOptions);
    await withLogin.register(programmeRoutes, { pool: options.pool });
    await withLogin.register(memberRoutes, { pool: options.pool });
    await withLogin.register(editRoutes, { pool: options.pool, readPool: options.readPool ?? options.pool, now });
    await withLogin.register(photoRoutes, { pool: options.pool, readPool: options.readPool ?? options.pool, now });
    await withLogin.register(changeLogRoutes, { pool: options.pool, readPool: options.readPool ?? options.pool });
    // GIS clients read from a replica when there is one; publishing and snapshots use the primary.
    await withLogin.register(ogcRoutes, { pool: options.readPool ?? options.pool });
    await withLogin.register(publishRoutes, { pool: options.pool, now, publishBodyLimit: options.publishBodyLimit ?? DEFAULT_PUBLISH_BODY_LIMIT });
    await withLogin.register(syncRoutes, { pool: options.pool, now, changes });
  });
  return app;
}
