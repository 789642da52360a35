// Cross-origin access for the Fulv app when it is served from another origin than the API (e.g.
// the app on a static host, the server on its own name): only the configured app origins may
// call, and only with a bearer token — no cookies are involved, so no credentials mode is needed.
import type { FastifyInstance } from 'fastify';
import { ConfigError } from './server-config.ts';

// etag: a photo's SHA-256, checked by the device; upload-offset: where a photo upload resumes.
const EXPOSED = ['content-length', 'x-fulv-change-seq', 'x-fulv-uncompressed-length', 'etag', 'upload-offset'];

/** FULV_APP_ORIGINS: origins such as https://fulv.example.gov.cn, separated by commas. */
export function parseAppOrigins(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new ConfigError(`FULV_APP_ORIGINS: ${part} is not an origin such as https://fulv.example.gov.cn`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== part.replace(/\/$/, '')) {
      throw new ConfigError(`FULV_APP_ORIGINS: ${part} is not an origin (scheme, host and port only), such as https://fulv.example.gov.cn`);
    }
    return url.origin;
  });
}

export function allowAppOrigins(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (request.method !== 'OPTIONS' || !origin || !request.headers['access-control-request-method']) return;
    if (!allowed.has(origin)) return reply.code(403).send({ code: 'forbidden', message: `origin ${origin.slice(0, 100)} may not call this server` });
    return reply.code(204).headers({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
      // content-range: the pieces of a resumable photo upload.
      'access-control-allow-headers': 'authorization, content-type, content-range',
      'access-control-max-age': '600',
      vary: 'Origin',
    }).send();
  });
  app.addHook('onSend', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && allowed.has(origin)) {
      reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSED.join(', ')).header('vary', 'Origin');
    }
  });
}
