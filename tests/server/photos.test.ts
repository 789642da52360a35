// Photos on the server: bytes uploaded under their SHA-256, attached by the app's photo edit to a
// live treated polygon, read back byte for byte by members only, removed as a tombstone.
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoMeta } from '../../src/store/photo.ts';
import { DEMO_ID, OTHER_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

function png(): Buffer {
  const image = new PNG({ width: 2, height: 2 });
  image.data.fill(0x7f);
  return PNG.sync.write(image);
}

describe('photos', () => {
  let server: TestServer;
  const bytes = png();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = `/api/programmes/${DEMO_ID}`;
  const photo: PhotoMeta = {
    id: 'P-test-1', feature_id: 'QA-T001', taken_at: '2025-04-01T02:03:04.000Z', location: { lon: 118.61, lat: 40.02, accuracy_m: 4.5 },
    size: bytes.length, type: 'image/png', name: '治理后.png', slot: 'after',
  };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const upload = async (who: string, hash: string, body: Buffer, type = 'image/png') => server.app.inject({
    method: 'PUT', url: `${base}/photo-bytes/${hash}`, headers: { authorization: `Bearer ${await server.token(who)}`, 'content-type': type }, payload: body,
  });

  it('stores bytes only under their own SHA-256, as an image, from someone who may edit', async () => {
    expect((await upload('surveyor', '0'.repeat(64), bytes)).json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(sha256) });
    expect((await upload('surveyor', createHash('sha256').update('<svg/>').digest('hex'), Buffer.from('<svg/>'), 'image/svg+xml')).statusCode).toBe(415);
    expect((await upload('reviewer', sha256, bytes)).statusCode).toBe(403);
    expect((await upload('outsider', sha256, bytes)).statusCode).toBe(404);
    const stored = await upload('surveyor', sha256, bytes);
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()).toEqual({ sha256, size: bytes.length });
    const huge = Buffer.alloc(13 * 1024 * 1024, 1);
    expect((await upload('surveyor', createHash('sha256').update(huge).digest('hex'), huge)).statusCode).toBe(413);
  });

  it('attaches the photo to a live treated polygon by the app’s edit, and gives it back to members', async () => {
    const attach = (edit: unknown, hash: string | undefined = sha256) => server.call('surveyor', 'POST', `${base}/photo-edits`, { edit, ...(hash ? { sha256: hash } : {}) });
    expect((await attach({ kind: 'add-photo', baseRevision: 0, photo: { ...photo, size: photo.size + 1 } })).statusCode).toBe(400);
    expect((await attach({ kind: 'add-photo', baseRevision: 0, photo }, 'f'.repeat(64))).json()).toMatchObject({ code: 'missing_bytes' });
    expect((await attach({ kind: 'add-photo', baseRevision: 0, photo: { ...photo, feature_id: 'QA-T999' } })).json()).toMatchObject({ code: 'no_parent' });
    expect((await attach({ kind: 'add-photo', baseRevision: 0, photo: { ...photo, taken_at: 'yesterday' } })).statusCode).toBe(400);
    const attached = await attach({ kind: 'add-photo', baseRevision: 0, photo });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json()).toEqual({ id: photo.id, revision: 1 });

    const meta = await server.call('reviewer', 'GET', `${base}/photos/${photo.id}`);
    expect(meta.json()).toEqual({ revision: 1, photo, sha256 });
    const content = await server.call('reviewer', 'GET', `${base}/photos/${photo.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    // Its ETag names the bytes' SHA-256: a device checks the image it downloads against it.
    expect(content.headers.etag).toBe(`"${sha256}"`);
    expect(Buffer.compare(content.rawPayload, bytes)).toBe(0);
    expect((await server.call('outsider', 'GET', `${base}/photos/${photo.id}/content`)).statusCode).toBe(404);
    // A member of another programme asking through that programme finds nothing either.
    expect((await server.call('outsider', 'GET', `/api/programmes/${OTHER_ID}/photos/${photo.id}/content`)).statusCode).toBe(404);
    const forged = await server.app.inject({ method: 'GET', url: `${base}/photos/${photo.id}/content`, headers: { authorization: `Bearer ${'A'.repeat(43)}` } });
    expect(forged.statusCode).toBe(401);
    expect(forged.body).not.toContain(bytes.toString('latin1'));
    expect((await server.app.inject({ method: 'GET', url: `${base}/photos/${photo.id}/content` })).statusCode).toBe(401);
    const { rows } = await server.pool.query(`select name, slot, sha256 from gis_photos where id = $1`, [photo.id]);
    expect(rows).toEqual([{ name: '治理后.png', slot: 'after', sha256 }]);
  });

  it('removes a photo as a tombstone, logged, its image no longer served', async () => {
    const removed = await server.call('surveyor', 'POST', `${base}/photo-edits`, { edit: { kind: 'remove-photo', photoId: photo.id, baseRevision: 1 } });
    expect(removed.json()).toEqual({ id: photo.id, revision: 2 });
    expect((await server.call('reviewer', 'GET', `${base}/photos/${photo.id}/content`)).statusCode).toBe(404);
    expect((await server.call('reviewer', 'GET', `${base}/photos/${photo.id}`)).json()).toEqual({ revision: 2, photo: null, sha256 });
    const { rows } = await server.pool.query(`select op, revision from change_log where layer = 'photos' and feature_id = $1 order by seq`, [photo.id]);
    expect(rows).toEqual([{ op: 'insert', revision: 1 }, { op: 'delete', revision: 2 }]);
  });
});
