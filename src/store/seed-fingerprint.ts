// Identifies a version of a seed programme by its content, so that a regenerated demo is
// noticed on the next start without anyone remembering to bump a number. Not cryptographic:
// it only has to tell our own successive seeds apart.
import type { Programme } from '../domain/model.ts';

/** cyrb53: two 32-bit multiplicative hashes mixed into 53 bits; fast and well spread. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function programmeFingerprint(programme: Programme): string {
  const text = JSON.stringify(programme);
  return `${programme.id}:${text.length}:${hash53(text).toString(16)}`;
}
