// Which kind of imagery file this is, from its first bytes (never from its name alone: a renamed
// file is judged by what it holds), and whether it is small enough to open. An MBTiles file is
// an SQLite database read whole into memory, so its limit is far lower than that of PMTiles and
// GeoTIFF, which are read a range at a time.
import { imageryProblem, type ImageryFormat, type ImageryResult } from './imagery-types.ts';

export const SNIFF_BYTES = 16;

export const IMAGERY_SIZE_LIMITS: Record<ImageryFormat, number> = {
  mbtiles: 512 * 1024 ** 2,
  pmtiles: 8 * 1024 ** 3,
  geotiff: 8 * 1024 ** 3,
};

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

export function sniffImagery(head: Uint8Array): ImageryFormat | null {
  if (ascii(head, 0, 7) === 'PMTiles') return 'pmtiles';
  if (ascii(head, 0, 16) === 'SQLite format 3\0') return 'mbtiles';
  // Classic TIFF (42) and BigTIFF (43), little- or big-endian.
  const order = ascii(head, 0, 2);
  if (order === 'II' && (head[2] === 42 || head[2] === 43) && head[3] === 0) return 'geotiff';
  if (order === 'MM' && head[2] === 0 && (head[3] === 42 || head[3] === 43)) return 'geotiff';
  return null;
}

const FORMAT_NAMES: Record<ImageryFormat, string> = { pmtiles: 'PMTiles', mbtiles: 'MBTiles', geotiff: 'GeoTIFF' };

/** The kind of file, or why it cannot be opened at all. */
export function imageryFormat(head: Uint8Array, size: number): ImageryResult<ImageryFormat> {
  if (size === 0) return imageryProblem('empty_file', 'The file is empty.');
  const format = sniffImagery(head);
  if (!format) return imageryProblem('unknown_format', 'The file is neither PMTiles, MBTiles (SQLite) nor (Geo)TIFF.');
  const limit = IMAGERY_SIZE_LIMITS[format];
  if (size > limit) return imageryProblem('too_large', `${FORMAT_NAMES[format]} files up to ${limit / 1024 ** 2} MiB can be opened; this one has ${Math.ceil(size / 1024 ** 2)} MiB.`);
  return { ok: true, value: format };
}
