// The server's settings from the environment: defaults, a clear refusal of nonsense, and the
// proxy-trust forms Fastify understands.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseTrustProxy, serverConfig } from '../../src/server/server-config.ts';

const URL = 'postgres://fulv:pw@127.0.0.1:5432/fulv';

describe('server configuration', () => {
  it('listens on loopback by default, with 12-hour sessions and migrations on the same database', () => {
    expect(serverConfig({ DATABASE_URL: URL })).toMatchObject({
      databaseUrl: URL, readDatabaseUrl: null, migrationDatabaseUrl: URL, host: '127.0.0.1', port: 8787, trustProxy: false, sessionHours: 12,
    });
  });

  it('refuses a missing database and numbers out of range, naming the variable', () => {
    expect(() => serverConfig({})).toThrow(ConfigError);
    expect(() => serverConfig({ DATABASE_URL: URL, PORT: '70000' })).toThrow('PORT=70000 is not a whole number from 0 to 65535');
    expect(() => serverConfig({ DATABASE_URL: URL, SESSION_HOURS: '1.5' })).toThrow(/SESSION_HOURS/);
  });

  it('reads TRUST_PROXY as off, on, a hop count or a list of addresses', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    const hops = parseTrustProxy('1') as (address: string, hop: number) => boolean;
    expect([hops('10.0.0.1', 0), hops('10.0.0.1', 1)]).toEqual([true, false]);
  });
});
