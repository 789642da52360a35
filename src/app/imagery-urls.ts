// The swipe's imagery tile URLs, remembered on this device like the imagery files are, so that
// the page's security policy (page-policy.ts) can allow their origins from the start.
import type { CompareSide } from '../map/compare-maps.ts';

const KEY = 'fulv.imagery-urls.v1';

export function loadImageryUrls(): Partial<Record<CompareSide, string>> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<string, unknown>>;
    const url = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 2000 ? v : undefined);
    return Object.fromEntries(Object.entries({ before: url(value['before']), after: url(value['after']) }).filter(([, v]) => v !== undefined));
  } catch {
    return {};
  }
}

export function saveImageryUrl(side: CompareSide, url: string): void {
  const urls = { ...loadImageryUrls(), [side]: url };
  if (!url) delete urls[side];
  localStorage.setItem(KEY, JSON.stringify(urls));
}
