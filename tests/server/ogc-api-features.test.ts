// The programme through OGC API – Features, judged by GDAL's own OAPIF client (ogrinfo): it lists
// the layers, reads the parcels with their Chinese attributes as the demo files have them, pages
// through more than one page, filters by bbox, and gets nothing without a token. An edit made with
// SQL shows its new revision in the change log and in the OGC item.
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { bbox, booleanIntersects, bboxPolygon } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ogrFeatures } from '../helpers/gdal.ts';
import { DEMO_ID, demoContent, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('OGC API – Features', () => {
  let server: TestServer;
  let url: string;
  let token: string;
  const requested: string[] = [];
  const answered: number[] = [];
  beforeAll(async () => {
    // The server's request log tells which pages GDAL asked for.
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { req?: { url?: string }; res?: { statusCode?: number } };
          if (entry.req?.url) requested.push(entry.req.url);
          if (entry.res?.statusCode) answered.push(entry.res.statusCode);
        }
        done();
      },
    });
    server = await startTestServer({ logger: { level: 'info', stream } });
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    token = await server.token('reviewer');
  });
  afterAll(async () => server?.close());

  // Asynchronous: the server answering GDAL runs in this process.
  const ogrinfo = (args: string[], withToken = true): Promise<{ status: number | null; stdout: string; stderr: string }> => {
    const env = { ...process.env, CPL_LOG: '/dev/null', ...(withToken ? { GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` } : {}) };
    return new Promise((resolve, reject) => {
      const child = spawn('ogrinfo', args, { env, timeout: 60_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  };
  const endpoint = (): string => `OAPIF:${url}/ogc/programmes/${DEMO_ID}`;

  it('lists the programme’s layers', async () => {
    const run = await ogrinfo(['-ro', '-so', '-q', endpoint()]);
    expect(run.stderr).toBe('');
    for (const layer of ['parcels', 'treated', 'zones', 'mines']) expect(run.stdout).toMatch(new RegExp(`^\\d+: ${layer}\\b`, 'm'));
  });

  it('reads every parcel with its Chinese attributes as published, page by page', async () => {
    requested.length = 0;
    const run = await ogrinfo(['-ro', '-al', '-q', '-oo', 'PAGE_SIZE=50', endpoint(), 'parcels']);
    expect(run.stderr).toBe('');
    const read = ogrFeatures(run.stdout);
    const parcels = demoContent().programme.parcels.features;
    expect(read).toHaveLength(parcels.length);
    const byId = new Map(read.map((f) => [f['id'], f]));
    for (const parcel of parcels) {
      const got = byId.get(parcel.properties.id);
      expect(got, parcel.properties.id).toBeDefined();
      expect(got!['name']).toBe(parcel.properties.name);
      expect(got!['damage_type']).toBe(parcel.properties.damage_type);
    }
    // The demo's parcels are all named in Chinese.
    expect(parcels.every((p) => /[\u4e00-\u9fff]/.test(p.properties.name))).toBe(true);
    const pages = requested.filter((u) => u.includes('/collections/parcels/items'));
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(parcels.length / 50));
    expect(pages.some((u) => /offset=50\b/.test(u))).toBe(true);
  });

  it('filters by bbox on the server', async () => {
    const parcels = demoContent().programme.parcels.features;
    const first = parcels[0]!.geometry.coordinates.flat(2) as unknown as number[];
    const [x, y] = [first[0]!, first[1]!];
    const box: [number, number, number, number] = [x - 0.01, y - 0.01, x + 0.01, y + 0.01];
    const expected = parcels.filter((p) => booleanIntersects(p, bboxPolygon(box))).map((p) => p.properties.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(parcels.length);
    requested.length = 0;
    const run = await ogrinfo(['-ro', '-al', '-q', '-spat', ...box.map(String), endpoint(), 'parcels']);
    expect(run.stderr).toBe('');
    expect(ogrFeatures(run.stdout).map((f) => f['id']).sort()).toEqual(expected);
    expect(requested.some((u) => u.includes('/collections/parcels/items') && u.includes('bbox='))).toBe(true);
  });

  it('gives nothing without a token, and nothing of a programme one is not a member of', async () => {
    answered.length = 0;
    const run = await ogrinfo(['-ro', '-so', endpoint()], false);
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('parcels');
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((status) => status === 401)).toBe(true);
    expect((await server.call(null, 'GET', `/ogc/programmes/${DEMO_ID}/collections`)).statusCode).toBe(401);
    expect((await server.call('outsider', 'GET', `/ogc/programmes/${DEMO_ID}/collections/parcels/items`)).statusCode).toBe(404);
  });

  it('describes each collection with its extent and CRS, and refuses bad paging', async () => {
    const collection = (await server.call('reviewer', 'GET', `/ogc/programmes/${DEMO_ID}/collections/parcels`)).json() as { extent: { spatial: { bbox: number[][]; crs: string } }; crs: string[] };
    const expected = bbox(demoContent().programme.parcels);
    collection.extent.spatial.bbox[0]!.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
    expect(collection.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    expect(collection.crs).toEqual(['http://www.opengis.net/def/crs/OGC/1.3/CRS84']);
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'bbox=1,2,3', "bbox=1,2,3,4'--", 'bbox=10,10,5,5']) {
      const response = await server.call('reviewer', 'GET', `/ogc/programmes/${DEMO_ID}/collections/parcels/items?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
    expect((await server.call('reviewer', 'GET', `/ogc/programmes/${DEMO_ID}/collections/users/items`)).statusCode).toBe(404);
  });

  it('shows a parcel changed with SQL with its new revision, in the change log and in the OGC item', async () => {
    const parcel = demoContent().programme.parcels.features[3]!.properties;
    const itemUrl = `/ogc/programmes/${DEMO_ID}/collections/parcels/items/${parcel.id}`;
    const before = (await server.call('reviewer', 'GET', itemUrl)).json() as { id: string; properties: { revision: number; name: string } };
    expect(before.id).toBe(parcel.id);
    expect(before.properties.name).toBe(parcel.name);
    // As a planner in QGIS would: straight SQL on the table, not through the server.
    await server.pool.query("update parcels set name = '改名的图斑', geom = ST_Translate(geom, 0.0001, 0) where programme_id = $1 and id = $2", [DEMO_ID, parcel.id]);
    const { rows } = await server.pool.query<{ revision: number; op: string; who: string }>(
      "select revision, op, who from change_log where programme_id = $1 and layer = 'parcels' and feature_id = $2 order by seq desc limit 1", [DEMO_ID, parcel.id]);
    expect(rows[0]).toEqual({ revision: before.properties.revision + 1, op: 'update', who: 'postgres' });
    const after = (await server.call('reviewer', 'GET', itemUrl)).json() as { properties: { revision: number; name: string } };
    expect(after.properties).toMatchObject({ revision: before.properties.revision + 1, name: '改名的图斑' });
  });
});
