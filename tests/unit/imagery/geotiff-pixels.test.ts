// Which GeoTIFF pixels can be drawn and the colour each becomes.
import { describe, expect, it } from 'vitest';
import { pixelLayout, writePixel, type PixelFacts } from '../../../src/io/imagery/geotiff-pixels.ts';

const RGB: PixelFacts = { samplesPerPixel: 3, bitsPerSample: [8, 8, 8], sampleFormat: [], photometric: 2, compression: 1, extraSamples: [], nodata: null };
const GREY: PixelFacts = { samplesPerPixel: 1, bitsPerSample: [8], sampleFormat: [1], photometric: 1, compression: 5, extraSamples: [], nodata: null };

function colour(facts: PixelFacts, bands: number[][], i = 0): number[] {
  const layout = pixelLayout(facts);
  if (!layout.ok) throw new Error(layout.reason);
  const out = new Uint8ClampedArray(4);
  writePixel(layout.value, bands, i, out, 0);
  return [...out];
}

describe('GeoTIFF pixels', () => {
  it('draws RGB opaque and grey as equal channels', () => {
    expect(colour(RGB, [[200], [30], [40]])).toEqual([200, 30, 40, 255]);
    expect(colour(GREY, [[0, 77]], 1)).toEqual([77, 77, 77, 255]);
  });

  it('takes the alpha band from ExtraSamples, and ignores a band that is not alpha', () => {
    expect(colour({ ...RGB, samplesPerPixel: 4, bitsPerSample: [8, 8, 8, 8], extraSamples: [2] }, [[1], [2], [3], [128]])).toEqual([1, 2, 3, 128]);
    expect(colour({ ...GREY, samplesPerPixel: 2, bitsPerSample: [8, 8], extraSamples: [1] }, [[9], [0]])).toEqual([9, 9, 9, 0]);
    expect(colour({ ...RGB, samplesPerPixel: 4, bitsPerSample: [8, 8, 8, 8], extraSamples: [0] }, [[1], [2], [3], [0]])).toEqual([1, 2, 3, 255]);
  });

  it('makes a pixel transparent when every colour band is the nodata value (GDAL writes it as text)', () => {
    const withNodata = { ...RGB, nodata: '0\0' };
    expect(colour(withNodata, [[0], [0], [0]])).toEqual([0, 0, 0, 0]);
    expect(colour(withNodata, [[0], [0], [5]])).toEqual([0, 0, 5, 255]);
    expect(colour({ ...GREY, nodata: '255' }, [[255]])).toEqual([255, 255, 255, 0]);
  });

  it('turns JPEG YCbCr into RGB: red (200, 30, 30) is Y 81.0, Cb 99.4, Cr 213.0 by the JFIF formulas', () => {
    const [r, g, b, a] = colour({ ...RGB, photometric: 6, compression: 7 }, [[81.0], [99.4], [213.0]]);
    expect([Math.abs(r! - 200), Math.abs(g! - 30), Math.abs(b! - 30)].every((d) => d <= 1)).toBe(true);
    expect(a).toBe(255);
  });

  it('refuses samples that are not 8-bit unsigned, palette and CMYK images, and YCbCr not in JPEG', () => {
    expect(pixelLayout({ ...GREY, bitsPerSample: [16] })).toMatchObject({ ok: false, code: 'unsupported_pixels' });
    expect(pixelLayout({ ...GREY, sampleFormat: [3] })).toMatchObject({ ok: false, code: 'unsupported_pixels' });
    for (const photometric of [3, 5, 6]) expect(pixelLayout({ ...RGB, photometric })).toMatchObject({ ok: false, code: 'unsupported_pixels' });
    expect(pixelLayout({ ...RGB, samplesPerPixel: 1, bitsPerSample: [8] })).toMatchObject({ ok: false, code: 'unsupported_pixels' });
  });
});
