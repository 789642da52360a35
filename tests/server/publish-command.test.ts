// The command line publishes a programme archive (GeoPackage) to a running server over HTTP, and
// reports a refusal in words with a failing exit code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProgrammeArchive } from '../../src/io/programme-archive/write-programme-archive.ts';
import { createAccount } from '../../src/server/accounts.ts';
import { publishCommand, type CommandIo } from '../../src/server/publish-command.ts';
import { PASSWORD, demoContent, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('npm run server -- publish', () => {
  let server: TestServer;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'fulv-publish-'));
  beforeAll(async () => {
    server = await startTestServer();
    await createAccount(server.pool, { login: 'publisher', displayName: '发布人', password: PASSWORD, isServerAdmin: true });
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const io: CommandIo = { env: { FULV_PASSWORD: PASSWORD }, readPassword: async () => PASSWORD, out: (t) => { out += t; }, err: (t) => { err += t; } };
    const code = await publishCommand(argv, io);
    return { code, out, err };
  };

  it('publishes a GeoPackage programme archive, read with the app’s archive reader', async () => {
    const content = demoContent();
    content.programme = { ...content.programme, id: 'GPKG-1', name: '从档案发布的方案' };
    const file = join(dir, 'programme.gpkg');
    writeFileSync(file, writeProgrammeArchive(await initSqlJs(), content));
    const result = await run([file, '--server', url, '--login', 'publisher']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`published GPKG-1 (${content.programme.parcels.features.length} parcels)`);
    const { rows } = await server.pool.query<{ name: string; parcels: string }>(
      "select p.name, (select count(*) from parcels where programme_id = p.id) as parcels from programmes p where p.id = 'GPKG-1'");
    expect(rows[0]).toEqual({ name: '从档案发布的方案', parcels: String(content.programme.parcels.features.length) });
    const seq = await server.pool.query<{ seq: string }>("select max(seq) as seq from change_log where programme_id = 'GPKG-1'");
    expect(result.out).toContain(`at change-log seq ${seq.rows[0]!.seq}`);
  });

  it('says why when the server refuses, and when the file is not an archive', async () => {
    const again = join(dir, 'again.json');
    writeFileSync(again, JSON.stringify(demoContent()));
    const refused = await run([again, '--server', url, '--login', 'publisher']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/HTTP 409.*already on the server/);
    const notArchive = join(dir, 'not.gpkg');
    writeFileSync(notArchive, 'hello');
    const bad = await run([notArchive, '--server', url, '--login', 'publisher']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('archive_not_sqlite');
    expect((await run([again, '--login', 'publisher'])).code).toBe(2);
  });
});
