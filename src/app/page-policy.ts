// Writes the page's Content-Security-Policy before anything else runs (main.tsx imports this
// first): the policy of lib/content-security-policy.ts with the online origins this user
// configured — the saved online basemap, the swipe's imagery URLs and the team server. A policy can only be
// tightened once set, so an origin configured later is allowed from the next start: the callers
// reload the page when a new origin is saved (see `allowsTileUrl`).
import { contentSecurityPolicy, tileOrigin } from '../lib/content-security-policy.ts';
import { loadImageryUrls } from './imagery-urls.ts';
import { readStoredSettings } from './settings-storage.ts';
import { loadServerUrl } from './team-server/server-settings.ts';

function configuredOrigins(): string[] {
  const basemap = readStoredSettings()['basemap'] as { enabled?: unknown; url?: unknown } | undefined;
  const server = loadServerUrl();
  const urls = [...(basemap?.enabled === true && typeof basemap.url === 'string' ? [basemap.url] : []), ...Object.values(loadImageryUrls()), ...(server ? [server] : [])];
  return urls.map(tileOrigin).filter((origin): origin is string => origin !== null);
}

const allowed = new Set(configuredOrigins());

// Vite's dev server injects inline scripts and styles for hot reloading: the policy is the build's.
if (!import.meta.env.DEV) {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = contentSecurityPolicy({ onlineOrigins: [...allowed] });
  document.head.prepend(meta);
}

/** Whether this page's policy lets tiles come from the URL's origin (own-origin URLs always). */
export function allowsTileUrl(url: string): boolean {
  const origin = tileOrigin(url);
  return origin === null || origin === location.origin || allowed.has(origin);
}
