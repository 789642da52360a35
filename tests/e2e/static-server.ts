// Small HTTP servers the offline tests run themselves: a copy of the build whose files a test can
// change (to publish a "new version"), and an online tile server on another origin (with CORS,
// as real tile servers have) that counts the tiles it serves.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { PNG } from 'pngjs';
import { securityHeaders } from '../../src/lib/content-security-policy.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};

export interface Running { url: string; close: () => Promise<void> }

function listen(server: Server): Promise<Running> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** Serves `root` as it is on disk at each request (no caching of contents), with the app's security headers. */
export function serveFolder(root: string): Promise<Running> {
  return listen(createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then((body) => {
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...securityHeaders() });
      response.end(body);
    }, () => {
      response.writeHead(404);
      response.end();
    });
  }));
}

/** XYZ tiles `/{z}/{x}/{y}.png`, every one a plain PNG of `colour`; `served` counts them. */
export async function serveTiles(colour: string): Promise<Running & { served: () => number }> {
  const png = new PNG({ width: 256, height: 256 });
  const n = parseInt(colour.slice(1), 16);
  for (let i = 0; i < 256 * 256; i++) png.data.set([(n >> 16) & 255, (n >> 8) & 255, n & 255, 255], i * 4);
  const body = PNG.sync.write(png);
  let served = 0;
  const running = await listen(createServer((request, response) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404, { 'access-control-allow-origin': '*' });
      return response.end();
    }
    served++;
    response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    response.end(body);
  }));
  return { ...running, served: () => served };
}
