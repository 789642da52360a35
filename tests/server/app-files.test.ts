// The server serves the built app from FULV_APP_DIR at its own origin, with the app's security
// headers, while /api and /ogc stay behind the login and nothing outside the folder is reachable.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('the app served by the server', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'fulv-dist-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>复绿</title>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    server = await startTestServer({ appDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html and its files with the app’s policy, and keeps the API behind the login', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('复绿');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await server.app.inject({ method: 'GET', url: '/app.js' });
    expect(script.statusCode).toBe(200);
    expect(String(script.headers['content-type'])).toContain('javascript');
    expect((await server.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/ogc/programmes/QA-DEMO' })).statusCode).toBe(401);
  });

  it('reaches nothing outside the folder, nor its dotfiles', async () => {
    for (const url of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/.env', '/nothing.js']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect([403, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('root:');
      expect(response.body, url).not.toContain('SECRET');
    }
  });
});
