// The Fulv server as its own process (`tsx src/server/main.ts`, as `npm run server` starts it) on
// a database seeded with the demo programme and one account per role: for fault injection (kill -9
// mid-request, restart) and the sync benchmark, over the loopback interface.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createAccount } from '../../src/server/accounts.ts';
import { createPool, inTransaction } from '../../src/server/database.ts';
import { insertProgrammeContent } from '../../src/server/programme-content-store.ts';
import { migrate } from '../../src/server/schema-migrations.ts';
import { DEMO_ID, MEMBERS, PASSWORD, demoContent } from './server-app.ts';

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

/** Migrates the database and adds the demo programme with the accounts of MEMBERS (password PASSWORD). */
export async function seedDemoDatabase(databaseUrl: string, extraSurveyors: readonly string[] = []): Promise<void> {
  const pool = createPool(databaseUrl, 2);
  try {
    await migrate(pool);
    await inTransaction(pool, 'test-setup', (client) => insertProgrammeContent(client, demoContent()));
    const members: [string, string][] = [...Object.entries(MEMBERS).map(([login, roles]): [string, string] => [login, roles[0]]), ...extraSurveyors.map((login): [string, string] => [login, 'surveyor'])];
    for (const [login, role] of members) {
      const account = await createAccount(pool, { login, displayName: `${login} 用户`, password: PASSWORD });
      await pool.query('insert into memberships (programme_id, user_id, role) values ($1, $2, $3)', [DEMO_ID, account.id, role]);
    }
  } finally {
    await pool.end();
  }
}

export interface ServerProcess {
  /** http://127.0.0.1:port */
  url: string;
  /** SIGKILL, as a crash: no shutdown, no answer to requests in flight. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForAnswer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(`${url}/api/programmes`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the server did not answer within 30 s: ${log()}`);
}

export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const start = async (): Promise<void> => {
    output = '';
    const process_ = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', LOGIN_ATTEMPTS_PER_MINUTE: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    process_.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    process_.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child = process_;
    await waitForAnswer(url, process_, () => output);
  };
  const kill = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
    child = null;
  };
  await start();
  return { url, kill, start, stop: kill };
}

/** A session token of the account, logging in over HTTP. */
export async function loginOver(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  if (response.status !== 201) throw new Error(`login of ${login} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
