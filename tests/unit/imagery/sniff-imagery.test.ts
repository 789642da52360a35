// An imagery file is known by its first bytes, as the formats' specifications define them, and
// refused when empty, unknown or over its stated size limit.
import { describe, expect, it } from 'vitest';
import { imageryFormat, IMAGERY_SIZE_LIMITS, sniffImagery } from '../../../src/io/imagery/sniff-imagery.ts';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffing an imagery file', () => {
  it('knows PMTiles v3, SQLite (MBTiles) and classic and big TIFF in both byte orders', () => {
    expect(sniffImagery(bytes('PMTiles', [3]))).toBe('pmtiles');
    expect(sniffImagery(bytes('SQLite format 3', [0]))).toBe('mbtiles');
    expect(sniffImagery(bytes('II', [42, 0, 8, 0, 0, 0]))).toBe('geotiff');
    expect(sniffImagery(bytes('MM', [0, 42, 0, 0, 0, 8]))).toBe('geotiff');
    expect(sniffImagery(bytes('II', [43, 0, 8, 0]))).toBe('geotiff');
    expect(sniffImagery(bytes('MM', [0, 43, 0, 8]))).toBe('geotiff');
  });

  it('knows nothing else, whatever the name says', () => {
    expect(sniffImagery(bytes([0x89], 'PNG'))).toBeNull();
    expect(sniffImagery(bytes('{"type":'))).toBeNull();
    expect(sniffImagery(bytes('II', [41, 0]))).toBeNull();
    expect(sniffImagery(bytes('SQLite format 2', [0]))).toBeNull();
  });

  it('refuses an empty file, an unknown one and one over its limit, stating the limit', () => {
    expect(imageryFormat(new Uint8Array(0), 0)).toMatchObject({ ok: false, code: 'empty_file' });
    expect(imageryFormat(bytes('GIF89a'), 100)).toMatchObject({ ok: false, code: 'unknown_format' });
    const head = bytes('SQLite format 3', [0]);
    expect(imageryFormat(head, IMAGERY_SIZE_LIMITS.mbtiles)).toEqual({ ok: true, value: 'mbtiles' });
    const over = imageryFormat(head, IMAGERY_SIZE_LIMITS.mbtiles + 1);
    expect(over).toMatchObject({ ok: false, code: 'too_large' });
    expect(!over.ok && over.reason).toContain('512 MiB');
    expect(imageryFormat(bytes('II', [42, 0]), 600 * 1024 ** 2)).toEqual({ ok: true, value: 'geotiff' });
  });
});
