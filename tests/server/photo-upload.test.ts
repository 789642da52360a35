// Resumable photo uploads' rules, in process: pieces in order or overlapping, never beyond what the
// server holds; a whole that is not its name is dropped; one hash cannot name two sizes.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('resumable photo uploads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const piece = async (sha256: string, body: Buffer, range: string) => server.app.inject({
    method: 'PUT', url: `/api/programmes/${DEMO_ID}/photo-bytes/${sha256}`,
    headers: { authorization: `Bearer ${await server.token('surveyor')}`, 'content-type': 'image/webp', 'content-range': range }, payload: body,
  });
  const uploads = async (): Promise<number> => Number((await server.pool.query('select count(*) as n from photo_uploads')).rows[0].n);

  it('refuses a piece beyond the bytes held, saying where to go on', async () => {
    const bytes = randomBytes(1000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await piece(sha256, bytes.subarray(0, 400), 'bytes 0-399/1000')).statusCode).toBe(202);
    const gap = await piece(sha256, bytes.subarray(500, 1000), 'bytes 500-999/1000');
    expect(gap.statusCode).toBe(409);
    expect(gap.headers['upload-offset']).toBe('400');
    expect(gap.json()).toMatchObject({ code: 'upload_offset' });
    expect((await piece(sha256, bytes.subarray(0, 1000), 'bytes 0-999/2000')).json()).toMatchObject({ code: 'upload_mismatch' });
    expect((await piece(sha256, bytes.subarray(400), 'bytes 400-999/1000')).statusCode).toBe(201);
  });

  it('drops a whole that is not its SHA-256, and says so', async () => {
    const bytes = randomBytes(600);
    const wrong = createHash('sha256').update('something else').digest('hex');
    expect((await piece(wrong, bytes.subarray(0, 300), 'bytes 0-299/600')).statusCode).toBe(202);
    const end = await piece(wrong, bytes.subarray(300), 'bytes 300-599/600');
    expect(end.statusCode).toBe(400);
    expect(end.json()).toMatchObject({ message: expect.stringContaining('start it again from byte 0') });
    expect(await uploads()).toBe(0);
    expect((await server.pool.query('select count(*) as n from photo_blobs where sha256 = $1', [Buffer.from(wrong, 'hex')])).rows[0].n).toBe('0');
  });

  it('refuses a malformed range, a body of another length, and a photo larger than allowed', async () => {
    const sha256 = '1'.repeat(64);
    expect((await piece(sha256, Buffer.alloc(10), 'bytes=0-9/10')).json()).toMatchObject({ code: 'bad_content_range' });
    expect((await piece(sha256, Buffer.alloc(10), 'bytes 0-19/20')).json()).toMatchObject({ code: 'invalid_request' });
    expect((await piece(sha256, Buffer.alloc(10), `bytes 0-9/${100 * 1024 * 1024}`)).json()).toMatchObject({ code: 'photo_too_large' });
  });
});
