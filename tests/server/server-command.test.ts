// `npm run server` as a team starts it: create the first admin from the command line, start the
// server on DATABASE_URL (it migrates an empty database), log in over HTTP, stop it with SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/server/schema-migrations.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/server-database.ts';

// As `npm run server` runs it, minus npm and tsx's own launcher, so that signals reach the server itself.
const SERVER = ['--import', 'tsx', 'src/server/main.ts'];

describe('the server command', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('creates the first admin, reading the password from stdin, and refuses a second with the same login', () => {
    const env = { ...process.env, DATABASE_URL: database.url };
    const first = spawnSync(process.execPath, [...SERVER, 'create-admin', '--login', 'Wang.Fang', '--name', '王芳'], { env, input: 'a strong admin password\n', encoding: 'utf8' });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('server: created server admin wang.fang\n');
    expect(first.status).toBe(0);
    const again = spawnSync(process.execPath, [...SERVER, 'create-admin', '--login', 'wang.fang', '--name', '王芳'], { env, input: 'a strong admin password\n', encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('server: an account with login wang.fang already exists\n');
  });

  it('says what is missing when DATABASE_URL is not set', () => {
    const { DATABASE_URL: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, SERVER, { env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^server: DATABASE_URL is not set/);
  });

  it('serves on PORT, migrated, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, SERVER, { env: { ...process.env, DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
      });
      const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'wang.fang', password: 'a strong admin password' }) });
      expect(login.status).toBe(201);
      const { token } = (await login.json()) as { token: string };
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ login: 'wang.fang', displayName: '王芳', isServerAdmin: true, memberships: [] });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query('select max(version) as version from schema_migrations');
      await client.end();
      expect(rows[0].version).toBe(LATEST_VERSION);
    } finally {
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    }
  });
});
