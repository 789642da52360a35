// A throwaway PostgreSQL + PostGIS cluster for the bench: Debian's postgresql-15-postgis-3,
// installed with apt-get when missing and run as root; the cluster lives in a temporary folder,
// its server runs in the foreground as a child of the bench (so one process tree holds the whole
// run) as the `postgres` user (PostgreSQL refuses root), on 127.0.0.1 only with trust
// authentication, and stop() shuts it down and removes the folder.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';
const PACKAGES = ['postgresql-15', 'postgresql-15-postgis-3'];

export interface PostgisCluster {
  /** Runs SQL through psql in one session (one backend); returns psql's unaligned, tuples-only output. */
  psql(sql: string): string;
  stop(): Promise<void>;
}

function ensureInstalled(): void {
  const installed = (name: string): boolean => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout.includes('install ok installed');
  if (PACKAGES.every(installed)) return;
  if (process.getuid?.() !== 0) throw new Error(`PostGIS is not installed; run as root: apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { env, stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

const asPostgres = (command: string, args: readonly string[]): void => {
  execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
};

export async function startPostgis(): Promise<PostgisCluster> {
  if (process.getuid?.() !== 0) throw new Error('the PostGIS bench starts its own cluster as the postgres user, which needs root');
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'fulv-pg-'));
  const { uid, gid } = { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) };
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  // One core per query, as the engine; no JIT warm-up skewing a single run.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_parallel_workers_per_gather=0 -c jit=off -c work_mem=256MB`;
  const server = spawn('runuser', ['-u', 'postgres', '--', join(BIN, 'postgres'), '-D', data, ...options.split(' ')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  for (let i = 0; spawnSync(join(BIN, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status !== 0; i++) {
    if (i > 100 || server.exitCode !== null) throw new Error(`PostgreSQL did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const psql = (sql: string): string => execFileSync('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'], { input: sql, encoding: 'utf8', maxBuffer: 1 << 30 });
  psql('CREATE EXTENSION postgis;');
  return {
    psql,
    stop: async () => {
      // The postmaster's own pid (runuser's child): SIGINT is PostgreSQL's fast shutdown.
      const pidFile = join(data, 'postmaster.pid');
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
