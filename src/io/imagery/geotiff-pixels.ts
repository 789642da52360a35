// Which GeoTIFF pixels Fulv can draw, and how one becomes an RGBA colour: 8-bit unsigned samples,
// grey (BlackIsZero), RGB, or JPEG-compressed YCbCr (which geotiff.js hands back as YCbCr, turned
// into RGB here with the JFIF formulas), each with or without an alpha band (ExtraSamples) —
// orthophotos as they come from GDAL or a drone's software. A pixel whose every colour band
// equals the GDAL nodata value is transparent, as gdalwarp treats it; so is one outside the image.
import { imageryProblem, type ImageryResult } from './imagery-types.ts';

export interface PixelFacts {
  samplesPerPixel: number;
  bitsPerSample: readonly number[];
  /** 1 = unsigned integer; missing means 1. */
  sampleFormat: readonly number[];
  photometric: number | undefined;
  /** 7 = JPEG. */
  compression: number | undefined;
  /** ExtraSamples: 1 = associated alpha, 2 = unassociated alpha, 0 = something else. */
  extraSamples: readonly number[];
  /** GDAL_NODATA, as the tag's text. */
  nodata: string | null;
}

export interface PixelLayout {
  colour: 'grey' | 'rgb' | 'ycbcr';
  /** Colour bands: one (grey) or three. */
  colourBands: 1 | 3;
  alphaBand: number | null;
  nodata: number | null;
}

const PHOTOMETRIC = { BLACK_IS_ZERO: 1, RGB: 2, YCBCR: 6 } as const;
const PHOTOMETRIC_NAMES: Record<number, string> = { 0: 'WhiteIsZero', 3: 'palette', 4: 'transparency mask', 5: 'CMYK', 6: 'YCbCr (not JPEG-compressed)', 8: 'CIELab' };
const JPEG = 7;

function colourOf(f: PixelFacts): PixelLayout['colour'] | null {
  if (f.photometric === PHOTOMETRIC.RGB) return 'rgb';
  if (f.photometric === PHOTOMETRIC.YCBCR && f.compression === JPEG) return 'ycbcr';
  return f.photometric === PHOTOMETRIC.BLACK_IS_ZERO || f.photometric === undefined ? 'grey' : null;
}

export function pixelLayout(f: PixelFacts): ImageryResult<PixelLayout> {
  if (f.bitsPerSample.some((b) => b !== 8) || f.sampleFormat.some((s) => s !== 1)) {
    return imageryProblem('unsupported_pixels', `Samples of ${[...new Set(f.bitsPerSample)].join('/')} bits (format ${[...new Set(f.sampleFormat)].join('/') || 1}); imagery must be 8-bit (Byte).`);
  }
  const colour = colourOf(f);
  if (colour === null) {
    return imageryProblem('unsupported_pixels', `Photometric interpretation ${PHOTOMETRIC_NAMES[f.photometric!] ?? f.photometric}; imagery must be grey or RGB.`);
  }
  const colourBands = colour === 'grey' ? 1 : 3;
  if (f.samplesPerPixel < colourBands) return imageryProblem('unsupported_pixels', `${f.samplesPerPixel} bands for a ${colour} image.`);
  const extra = f.extraSamples[0];
  const alphaBand = f.samplesPerPixel > colourBands && (extra === 1 || extra === 2) ? colourBands : null;
  const nodata = f.nodata === null || f.nodata.trim() === '' ? null : Number.parseFloat(f.nodata);
  return { ok: true, value: { colour, colourBands, alphaBand, nodata: nodata !== null && Number.isFinite(nodata) ? nodata : null } };
}

/** Writes sample `i` of the bands as RGBA at `out[o…o+3]`. */
export function writePixel(layout: PixelLayout, bands: readonly ArrayLike<number>[], i: number, out: Uint8ClampedArray, o: number): void {
  const r = bands[0]![i]!;
  const g = layout.colourBands === 3 ? bands[1]![i]! : r;
  const b = layout.colourBands === 3 ? bands[2]![i]! : r;
  const { nodata } = layout;
  const empty = nodata !== null && r === nodata && g === nodata && b === nodata;
  if (layout.colour === 'ycbcr') {
    // r, g, b hold Y, Cb, Cr; the array clamps to 0–255.
    out[o] = r + 1.402 * (b - 128);
    out[o + 1] = r - 0.344136 * (g - 128) - 0.714136 * (b - 128);
    out[o + 2] = r + 1.772 * (g - 128);
  } else {
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
  }
  out[o + 3] = empty ? 0 : layout.alphaBand === null ? 255 : bands[layout.alphaBand]![i]!;
}
