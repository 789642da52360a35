// The built app (dist/) served by the server itself, so that a team on one machine or behind one
// proxy uses one origin for app and API (no CORS), with the headers every server of the app sends
// (lib/content-security-policy.ts). FULV_APP_DIR names the folder; unset, no file is served.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { securityHeaders } from '../lib/content-security-policy.ts';

export async function serveAppFiles(app: FastifyInstance, dir: string | undefined): Promise<void> {
  if (!dir) return;
  const headers = securityHeaders();
  await app.register(fastifyStatic, {
    root: dir,
    dotfiles: 'deny',
    // The service worker decides what is cached offline; the browser's own cache must not keep an old one.
    cacheControl: false,
    setHeaders: (response) => {
      for (const [name, value] of Object.entries(headers)) response.header(name, value);
      response.header('cache-control', 'no-cache');
    },
  });
}
