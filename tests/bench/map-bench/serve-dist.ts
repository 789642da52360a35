// Serves the production build (dist/) on a free loopback port, as `vite preview` does for users.
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

/** `outDir` defaults to dist/ (BENCH_DIST overrides it, e.g. for an unminified build to profile). */
export async function serveDist(outDir = process.env.BENCH_DIST ?? 'dist'): Promise<{ url: string; server: PreviewServer }> {
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npx vite build\` first`);
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, server };
}
