// The server's settings, from the environment (twelve-factor): where the database is, where to
// listen, which proxy to trust, how long sessions last.
import type { FastifyServerOptions } from 'fastify';

export interface ServerConfig {
  databaseUrl: string;
  /** A read replica for plain reads (DATABASE_READ_URL), if any. */
  readDatabaseUrl: string | null;
  /**
   * A direct connection for migrations (DATABASE_MIGRATION_URL) when DATABASE_URL goes through
   * pgbouncer in transaction mode, where the migrations' session lock would not hold.
   */
  migrationDatabaseUrl: string;
  host: string;
  port: number;
  trustProxy: FastifyServerOptions['trustProxy'];
  sessionHours: number;
  bodyLimit: number;
  loginAttemptsPerMinute: number;
  poolSize: number;
}

export class ConfigError extends Error {}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name}=${text} is not a whole number from ${min} to ${max}`);
  return value;
}

/**
 * TRUST_PROXY: unset or "false" (direct, the default), "true" (every hop: only when the port is
 * reachable from the proxy alone), a number of hops, or addresses/CIDRs separated by commas.
 */
export function parseTrustProxy(text: string | undefined): FastifyServerOptions['trustProxy'] {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address: string, hop: number) => hop < hops;
  }
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

export function serverConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new ConfigError('DATABASE_URL is not set, e.g. DATABASE_URL=postgres://fulv:PASSWORD@127.0.0.1:5432/fulv');
  return {
    databaseUrl,
    readDatabaseUrl: env['DATABASE_READ_URL'] || null,
    migrationDatabaseUrl: env['DATABASE_MIGRATION_URL'] || databaseUrl,
    host: env['HOST'] || '127.0.0.1',
    port: wholeNumber(env, 'PORT', 8787, 0, 65535),
    trustProxy: parseTrustProxy(env['TRUST_PROXY']),
    sessionHours: wholeNumber(env, 'SESSION_HOURS', 12, 1, 24 * 90),
    bodyLimit: wholeNumber(env, 'BODY_LIMIT_BYTES', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    loginAttemptsPerMinute: wholeNumber(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10_000),
    poolSize: wholeNumber(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
  };
}
