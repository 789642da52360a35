// The team server's address as the settings accept it: http(s) only, no credentials, query or
// fragment in it; a trailing slash dropped, a path prefix kept (a server behind a proxy's path).
import { describe, expect, it } from 'vitest';
import { serverBaseUrl } from '../../../src/app/team-server/server-settings.ts';

describe('server address', () => {
  it('keeps origin and path prefix, without a trailing slash', () => {
    expect(serverBaseUrl(' https://Fulv.Example.gov.cn/ ')).toBe('https://fulv.example.gov.cn');
    expect(serverBaseUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(serverBaseUrl('https://gis.example.gov.cn/fulv//')).toBe('https://gis.example.gov.cn/fulv');
    expect(serverBaseUrl('https://example.gov.cn:443/')).toBe('https://example.gov.cn');
  });

  it('refuses anything that is not a plain http(s) address', () => {
    for (const text of ['', 'fulv.example.gov.cn', 'ftp://example.gov.cn', 'javascript:alert(1)', 'https://user:pw@example.gov.cn',
      'https://example.gov.cn/?token=1', 'https://example.gov.cn/#x', 'data:text/plain,hi']) {
      expect(serverBaseUrl(text), text).toBeNull();
    }
  });
});
