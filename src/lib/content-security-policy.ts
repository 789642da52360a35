// Fulv's Content-Security-Policy, in one place for the servers (a header) and the page (a meta
// tag written at start, src/app/page-policy.ts). Scripts and workers come from Fulv's own origin
// only, never inline; GEOS and sql.js compile WebAssembly ('wasm-unsafe-eval', which allows no
// JavaScript eval). Connections and images: the own origin, the page's own blob:/data: URLs
// (photos, imagery tiles made in the browser) and the online basemap origins the user configured.
//
// A server sends one policy to every user, so it cannot know anyone's basemap: its header allows
// any http(s) origin for connections and images (`anyOnlineOrigin`), and the page then narrows
// them to the configured ones with its meta tag (a browser enforces both, i.e. the narrower).

export interface PolicyOptions {
  /** Origins such as "https://t0.tianditu.gov.cn" that tiles may come from. */
  onlineOrigins?: readonly string[];
  /** The server's envelope: any http(s) origin, because the user's basemap is not known to it. */
  anyOnlineOrigin?: boolean;
  /** Only in a header: a meta tag cannot say who may frame the page. */
  frameAncestors?: boolean;
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const online = options.anyOnlineOrigin ? ['http:', 'https:'] : [...new Set(options.onlineOrigins ?? [])].sort();
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['worker-src', ["'self'"]],
    ['connect-src', ["'self'", 'blob:', 'data:', ...online]],
    ['img-src', ["'self'", 'blob:', 'data:', ...online]],
    ['style-src', ["'self'"]],
    ['font-src', ["'self'", 'data:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
    ...(options.frameAncestors ? [['frame-ancestors', ["'none'"]] as [string, string[]]] : []),
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The headers any server of the built app should send with every response. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ anyOnlineOrigin: true, frameAncestors: true }),
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The origin a tile URL template fetches from, or null; "{s}"-style host templates are not origins. */
export function tileOrigin(template: string): string | null {
  const match = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?(?:[/?#]|$)/i.exec(template.trim());
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const port = match[3] && String(Number(match[3])) !== (scheme === 'https' ? '443' : '80') ? `:${Number(match[3])}` : '';
  return `${scheme}://${match[2]!.toLowerCase()}${port}`;
}
