// Identifies a version of a seed programme by its content, so that a regenerated demo is
// noticed on the next start without anyone remembering to bump a number. Not cryptographic:
// it only has to tell our own successive seeds apart.
import type { Programme } from '../domain/model.ts';

/** cyrb53 over several texts in turn: two 32-bit multiplicative hashes mixed into 53 bits. */
class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string, from = 0, to = text.length): void {
    let { h1, h2 } = this;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  value(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

function hash53(texts: readonly string[]): number {
  const hash = new Hash53();
  for (const text of texts) hash.add(text);
  return hash.value();
}

/** Of a programme held as objects (tests, the CLI): its JSON text is hashed. */
export function programmeFingerprint(programme: Programme): string {
  return seedFilesFingerprint(programme.id, [JSON.stringify(programme)]);
}

/**
 * Of a programme read from files: their text as fetched. At province scale this is a tenth of
 * the time of writing the parsed programme back out to JSON (0.1 s against 0.7 s at 50,000
 * parcels), which the page would otherwise pay on every start.
 */
export function seedFilesFingerprint(programmeId: string, texts: readonly string[]): string {
  const length = texts.reduce((n, t) => n + t.length, 0);
  return `${programmeId}:${length}:${hash53(texts).toString(16)}`;
}

/** Characters hashed between two pauses: a few tens of milliseconds. */
export const FINGERPRINT_SLICE = 2_000_000;

/**
 * seedFilesFingerprint with `pause` (a macrotask) between slices of the text: the same value,
 * without holding the page for half a second in one task on every start at province scale.
 */
export async function seedFilesFingerprintInSlices(programmeId: string, texts: readonly string[], pause: () => Promise<void>, slice = FINGERPRINT_SLICE): Promise<string> {
  const hash = new Hash53();
  for (const text of texts) {
    for (let from = 0; from < text.length; from += slice) {
      hash.add(text, from, Math.min(text.length, from + slice));
      await pause();
    }
  }
  const length = texts.reduce((n, t) => n + t.length, 0);
  return `${programmeId}:${length}:${hash.value().toString(16)}`;
}
