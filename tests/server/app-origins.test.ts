// Cross-origin calls: the configured app origin may call with its bearer token and read the
// snapshot's headers; any other origin gets no CORS headers and a refused preflight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppOrigins } from '../../src/server/app-origins.ts';
import { ConfigError } from '../../src/server/server-config.ts';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

const APP = 'https://fulv.example.gov.cn';

describe('app origins (CORS)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ appOrigins: [APP] });
  });
  afterAll(async () => server?.close());

  it('answers the app origin’s preflight and marks its responses, and no other origin’s', async () => {
    const preflight = await server.app.inject({ method: 'OPTIONS', url: '/api/programmes', headers: { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(APP);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    // A resumable photo upload sends its pieces with Content-Range and reads where to go on.
    const piece = await server.app.inject({ method: 'OPTIONS', url: `/api/programmes/${DEMO_ID}/photo-bytes/${'a'.repeat(64)}`, headers: { origin: APP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type, content-range' } });
    expect(String(piece.headers['access-control-allow-headers']).split(', ')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'content-range']));
    const other = await server.app.inject({ method: 'OPTIONS', url: '/api/programmes', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.statusCode).toBe(403);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const token = await server.token('surveyor');
    const snapshot = await server.app.inject({ method: 'GET', url: `/api/programmes/${DEMO_ID}/snapshot`, headers: { origin: APP, authorization: `Bearer ${token}` } });
    expect(snapshot.headers['access-control-allow-origin']).toBe(APP);
    expect(String(snapshot.headers['access-control-expose-headers']).split(', ')).toEqual(expect.arrayContaining(['content-length', 'etag', 'upload-offset']));
    const fromOther = await server.app.inject({ method: 'GET', url: '/api/me', headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` } });
    expect(fromOther.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reads FULV_APP_ORIGINS as origins only', () => {
    expect(parseAppOrigins(' https://a.example ,http://127.0.0.1:4173')).toEqual(['https://a.example', 'http://127.0.0.1:4173']);
    expect(parseAppOrigins(undefined)).toEqual([]);
    expect(() => parseAppOrigins('https://a.example/app')).toThrow(ConfigError);
    expect(() => parseAppOrigins('ftp://a.example')).toThrow(ConfigError);
  });
});
