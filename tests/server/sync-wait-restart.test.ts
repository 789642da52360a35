// The app's change watch against the real server process over the loopback interface, across a
// crash: it pulls at once for an UPDATE typed in SQL; the server is killed (SIGKILL) and a change
// made meanwhile still reaches the watch once the server is back (its waits fail with backoff and
// resume); after that, changes are prompt again.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeWatch } from '../../src/persistence/sync/change-watch.ts';
import { DEMO_ID } from '../helpers/server-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/server-database.ts';
import { loginOver, seedDemoDatabase, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

describe('the change watch across a server restart', () => {
  let database: TestDatabase;
  let db: pg.Pool;
  let server: ServerProcess;
  let watch: ChangeWatch | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoDatabase(database.url);
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    server = await startServerProcess(database.url);
  });
  afterAll(async () => {
    await watch?.stop();
    await server?.stop();
    await db?.end();
    await database?.drop();
  });

  const lastSeq = async (): Promise<number> => Number((await db.query('select coalesce(max(seq), 0) as s from change_log where programme_id = $1', [DEMO_ID])).rows[0].s);
  const editInSql = (note: string) => db.query(`update treated set note = $2 where programme_id = $1 and id = (select min(id) from treated where programme_id = $1)`, [DEMO_ID, note]);

  it('pulls promptly, keeps waiting through the crash, and gets the change made while the server was down', async () => {
    const token = await loginOver(server.url, 'surveyor');
    const state = { cursor: await lastSeq(), pulls: [] as number[] };
    watch = new ChangeWatch({
      sync: { link: async () => ({ serverUrl: server.url, serverProgrammeId: DEMO_ID, deviceId: 'd1', cursor: state.cursor, lastSyncAt: null }) },
      transport: (url, init) => fetch(url, init),
      token: () => token,
      isOnline: () => true,
      // A pull: the device's cursor moves to the log's end.
      onChange: async () => {
        state.cursor = await lastSeq();
        state.pulls.push(Date.now());
      },
      backoff: { firstMs: 200, maxMs: 1_000 },
    });
    watch.start();
    await new Promise((resolve) => setTimeout(resolve, 500));

    let edited = Date.now();
    await editInSql('第一次');
    await expect.poll(() => state.pulls.length, { timeout: 10_000, interval: 50 }).toBe(1);
    expect(state.pulls[0]! - edited).toBeLessThan(5_000);

    await server.kill();
    await editInSql('服务器停机时改的');
    await server.start();
    await expect.poll(() => state.pulls.length, { timeout: 20_000, interval: 50 }).toBe(2);
    expect(state.cursor).toBe(await lastSeq());

    await new Promise((resolve) => setTimeout(resolve, 500));
    edited = Date.now();
    await editInSql('重启以后');
    await expect.poll(() => state.pulls.length, { timeout: 10_000, interval: 50 }).toBe(3);
    expect(state.pulls[2]! - edited).toBeLessThan(5_000);
  });
});
