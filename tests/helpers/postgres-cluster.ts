// A throwaway PostgreSQL + PostGIS cluster for the server tests (../shared/POSTGRES.md): initdb on
// a temporary directory, a free loopback port, trust authentication (loopback only), stopped and
// removed afterwards. PostgreSQL refuses to run as root, so as root its binaries run as the
// `postgres` user that the Debian package creates.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

export interface Cluster {
  /** postgres://postgres@127.0.0.1:port/ — append a database name. */
  baseUrl: string;
  /** A crash and a start again on the same port and data (pg_ctl stop -m immediate; start): for fault injection. */
  restart(): void;
  stop(): void;
}

function run(binary: string, args: readonly string[]): void {
  const command = isRoot ? 'runuser' : join(BIN, binary);
  const fullArgs = isRoot ? ['-u', 'postgres', '--', join(BIN, binary), ...args] : [...args];
  execFileSync(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `durableCommits`: keep synchronous_commit on, as a real server has it. Off (the default here, for
 * speed) a crash loses the last commits already acknowledged, which fault-injection tests must not allow.
 */
export async function startCluster(options: { durableCommits?: boolean } = {}): Promise<Cluster> {
  execFileSync('bash', [new URL('../install-postgres.sh', import.meta.url).pathname], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'fulv-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  // fsync off: a test cluster is thrown away, and syncing is most of a migration's time here.
  const start = (): void => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=${options.durableCommits ? 'on' : 'off'} -c full_page_writes=off`, 'start']);
  start();
  const baseUrl = `postgres://postgres@127.0.0.1:${port}/`;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const restart = (): void => {
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    start();
  };
  // Also when the test run ends without its teardown (an error, a forced exit).
  process.once('exit', stop);
  try {
    const client = new pg.Client({ connectionString: `${baseUrl}postgres` });
    await client.connect();
    // Every test database is a copy of this one, so PostGIS is created once.
    await client.query('create database fulv_template');
    await client.end();
    const template = new pg.Client({ connectionString: `${baseUrl}fulv_template` });
    await template.connect();
    await template.query('create extension postgis');
    await template.end();
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, restart, stop };
}
