// The policy's parts that are plain text: the origin a tile URL names (as the URL standard
// serialises it: lower-case scheme and host, default port dropped) and the directives.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileOrigin } from '../../../src/lib/content-security-policy.ts';

describe('content security policy', () => {
  it('takes the origin of a tile URL as the URL standard serialises it', () => {
    for (const url of ['https://T0.Tianditu.gov.cn/img_w/wmts?x={x}&y={y}&z={z}', 'http://127.0.0.1:8080/{z}/{x}/{y}.png', 'https://tile.example.org:443/{z}/{x}/{y}.png', 'http://[::1]:9000/{z}/{x}/{y}']) {
      expect(tileOrigin(url)).toBe(new URL(url.replace(/[{}]/g, '')).origin);
    }
    expect(tileOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(tileOrigin('ftp://example.org/{z}/{x}/{y}')).toBeNull();
  });

  it('allows connections to the configured origins only, or to any online origin in the server envelope', () => {
    expect(contentSecurityPolicy({ onlineOrigins: ['https://b.example', 'https://a.example', 'https://a.example'] }))
      .toContain("connect-src 'self' blob: data: https://a.example https://b.example;");
    const envelope = contentSecurityPolicy({ anyOnlineOrigin: true, frameAncestors: true });
    expect(envelope).toContain("img-src 'self' blob: data: http: https:;");
    expect(envelope).toMatch(/frame-ancestors 'none'$/);
    expect(contentSecurityPolicy()).not.toContain('frame-ancestors');
  });
});
