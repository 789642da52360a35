// Publishing a programme to the server and downloading it for offline use: the server checks the
// whole programme with the app's own rules and stores nothing of a bad one; the download is one
// gzip'd snapshot whose length is announced and whose content is what was published.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeContent } from '../../src/domain/programme-content.ts';
import { createAccount } from '../../src/server/accounts.ts';
import { buildServer } from '../../src/server/app.ts';
import { scaleProgramme } from '../../data/scale-generator/scale-programme.ts';
import { GENERAL_PRESET } from '../../src/domain/buffer-presets.ts';
import { sampleContent } from '../helpers/programme-content.ts';
import { DEMO_ID, PASSWORD, demoContent, startTestServer, type TestServer } from '../helpers/server-app.ts';

interface Snapshot {
  format: string;
  version: number;
  programmeId: string;
  changeSeq: number;
  content: ProgrammeContent;
}

/** The sample programme (Chinese text, long doubles, holes, multi-parts, lines, reviews) in the form the server keeps. */
function publishable(): ProgrammeContent {
  const content = sampleContent();
  const p3 = content.programme.parcels.features[2]!;
  const { 自定义: _dropped, ...kept } = p3.properties as unknown as Record<string, unknown>;
  p3.properties = kept as never;
  const t2 = content.programme.treated.features[1]!;
  t2.properties = { ...t2.properties, date: '2022-05-01' };
  return content;
}

async function rowCount(server: TestServer, table: string): Promise<number> {
  const { rows } = await server.pool.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0]!.n);
}

describe('publish and download', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createAccount(server.pool, { login: 'publisher', displayName: '发布人', password: PASSWORD, isServerAdmin: true });
  });
  afterAll(async () => server?.close());

  const snapshot = async (login: string, id: string): Promise<{ body: Snapshot; headers: Record<string, unknown>; bytes: number }> => {
    const response = await server.call(login, 'GET', `/api/programmes/${id}/snapshot`);
    expect(response.statusCode, response.body).toBe(200);
    const raw = response.rawPayload;
    return { body: JSON.parse(gunzipSync(raw).toString('utf8')) as Snapshot, headers: response.headers, bytes: raw.byteLength };
  };

  it('publishes a programme, makes the publisher its admin, and gives back exactly what was published', async () => {
    const content = publishable();
    const response = await server.call('publisher', 'POST', '/api/programmes', content);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['location']).toBe('/api/programmes/TS-2026');
    // The change-log position of the published content: the last row the publish wrote.
    const { rows } = await server.pool.query<{ seq: string; n: string }>("select max(seq) as seq, count(*) as n from change_log where programme_id = 'TS-2026'");
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    expect(response.json()).toEqual({ id: 'TS-2026', name: content.programme.name, parcels: content.programme.parcels.features.length, changeSeq: Number(rows[0]!.seq) });
    const mine = await server.call('publisher', 'GET', '/api/programmes/TS-2026');
    expect(mine.json()).toMatchObject({ id: 'TS-2026', roles: ['admin'], areaLevel: 'city' });
    const { body, headers, bytes } = await snapshot('publisher', 'TS-2026');
    expect(headers['content-type']).toBe('application/gzip');
    expect(Number(headers['content-length'])).toBe(bytes);
    expect(body).toMatchObject({ format: 'fulv-programme-snapshot', version: 2, programmeId: 'TS-2026' });
    // A tbxl of null is kept as no tbxl: the one difference the database's columns make.
    const expected = publishable();
    delete expected.programme.parcels.features[1]!.properties.tbxl;
    expect(body.content).toEqual(expected);
  });

  it('names the cursor of the change log the snapshot is valid at, and a later SQL edit moves past it', async () => {
    const before = await snapshot('surveyor', DEMO_ID);
    const { rows } = await server.pool.query<{ seq: string }>("select max(seq) as seq from change_log where programme_id = $1", [DEMO_ID]);
    expect(before.body.changeSeq).toBe(Number(rows[0]!.seq));
    expect(Number(before.headers['x-fulv-change-seq'])).toBe(before.body.changeSeq);
    expect(before.body.content).toEqual(demoContent());
    await server.pool.query("update parcels set note = '改过' where programme_id = $1 and id = $2", [DEMO_ID, demoContent().programme.parcels.features[0]!.properties.id]);
    const after = await snapshot('surveyor', DEMO_ID);
    expect(after.body.changeSeq).toBeGreaterThan(before.body.changeSeq);
    expect(after.body.content.programme.parcels.features[0]!.properties.note).toBe('改过');
  });

  it('refuses a programme the app would not accept, saying what is wrong, and stores none of it', async () => {
    const parcelsBefore = await rowCount(server, 'parcels');
    const programmesBefore = await rowCount(server, 'programmes');
    const cases: [string, (c: ProgrammeContent) => void, RegExp][] = [
      ['the archive corners the server cannot keep', () => undefined, /自定义.*not a field the server keeps/],
      ['an unclosed ring', (c) => { (c.programme.parcels.features[0]!.geometry.coordinates as number[][][])[0]!.pop(); }, /parcel P-1: .*(closed|ring)/],
      ['an unknown damage type', (c) => { (c.programme.parcels.features[1]!.properties as { damage_type: string }).damage_type = '露天'; }, /parcel P-2: damage_type "露天" is not one of/],
      ['a parcel of a mine not in the programme', (c) => { c.programme.parcels.features[1]!.properties.mine_id = 'M-9'; }, /parcel P-2: mine "M-9" is not in this programme/],
      ['two parcels with one id', (c) => { c.programme.parcels.features[1]!.properties.id = 'P-1'; }, /id P-1 is used twice/],
      ['an id with SQL in it', (c) => { c.programme.id = "x'; drop table parcels;--"; }, /programme: id .* is not 1–64 letters/],
      ['a latitude beyond the pole', (c) => { c.programme.mines[0]!.location = [118, 95]; }, /mine M-1: location \[118,95\] is not \[longitude, latitude\]/],
      ['a missing buffer distance', (c) => { delete (c.bufferDistances as Partial<Record<string, number>>)['river_lake']; }, /no distance for river_lake/],
      ['a review of an unknown parcel', (c) => { c.reviews[0]!.parcel_id = 'P-404'; }, /parcel P-404 is not in this programme/],
      ['a target of an unknown township', (c) => { c.programme.targets.rows[0]!.township_id = 'T9'; }, /township "T9" is not in this programme/],
      ['not a programme at all', (c) => { (c as unknown as { programme: unknown }).programme = { id: 'TS-NEW', list: [1, 2] }; }, /"list" is not a field the server keeps/],
    ];
    for (const [what, spoil, message] of cases) {
      const content = what.startsWith('the archive') ? sampleContent() : publishable();
      spoil(content);
      if (content.programme.id === 'TS-2026') content.programme.id = 'TS-NEW';
      const response = await server.call('publisher', 'POST', '/api/programmes', content);
      expect(response.statusCode, what).toBe(400);
      expect(response.json(), what).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(message) });
    }
    expect(await rowCount(server, 'parcels')).toBe(parcelsBefore);
    expect(await rowCount(server, 'programmes')).toBe(programmesBefore);
  });

  it('refuses to publish over an existing programme, and lets only server admins publish', async () => {
    const again = await server.call('publisher', 'POST', '/api/programmes', demoContent());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'programme_exists', message: expect.stringContaining(`programme ${DEMO_ID} is already on the server`) });
    const byProgrammeAdmin = await server.call('admin', 'POST', '/api/programmes', { ...demoContent(), programme: { ...demoContent().programme, id: 'ANOTHER' } });
    expect(byProgrammeAdmin.statusCode).toBe(403);
    expect(byProgrammeAdmin.json()).toMatchObject({ message: expect.stringContaining('only a server admin may publish') });
    expect((await server.call(null, 'POST', '/api/programmes', demoContent())).statusCode).toBe(401);
  });

  it('refuses a publish over the publish limit with 413 quoting that limit, not the general one', async () => {
    const small = await buildServer({ pool: server.pool, bodyLimit: 64 * 1024, publishBodyLimit: 256 * 1024 });
    try {
      const token = await server.token('publisher');
      const content = { ...demoContent(), programme: { ...demoContent().programme, id: 'TOO-BIG' } };
      const response = await small.inject({ method: 'POST', url: '/api/programmes', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(content) });
      expect(JSON.stringify(content).length).toBeGreaterThan(256 * 1024);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({ code: 'body_too_large', message: 'the request body is larger than 262144 bytes' });
      expect(await rowCount(server, "programmes where id = 'TOO-BIG'")).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('serves the snapshot to members only', async () => {
    expect((await server.call(null, 'GET', `/api/programmes/${DEMO_ID}/snapshot`)).statusCode).toBe(401);
    expect((await server.call('outsider', 'GET', `/api/programmes/${DEMO_ID}/snapshot`)).statusCode).toBe(404);
  });

  it('downloads a 50,000-parcel programme as one compact snapshot', async () => {
    const programme = { ...scaleProgramme({ parcels: 50_000, treated: 5_000 }), id: 'SCALE-50K' };
    const content: ProgrammeContent = { programme, areaLevel: 'province', bufferDistances: GENERAL_PRESET.distances, reviews: [] };
    const published = await server.call('publisher', 'POST', '/api/programmes', content);
    expect(published.statusCode, published.body.slice(0, 500)).toBe(201);
    const sent = Buffer.byteLength(JSON.stringify(content));
    const { body, headers, bytes } = await snapshot('publisher', 'SCALE-50K');
    expect(Number(headers['content-length'])).toBe(bytes);
    expect(body.content.programme.parcels.features).toHaveLength(50_000);
    expect(body.content.programme.treated.features).toHaveLength(5_000);
    expect(body.content.programme.parcels.features[49_999]).toEqual(programme.parcels.features[49_999]);
    // Compact: gzip'd JSON is a fraction of the JSON published.
    expect(Number(headers['x-fulv-uncompressed-length'])).toBeLessThan(sent * 1.05);
    expect(bytes).toBeLessThan(sent / 2.5);
  }, 300_000);
});
