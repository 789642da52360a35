// Imagery files a reviewer opens for the before/after swipe (治理前后影像): what Fulv knows about
// one once it is open, how its tiles are read, and why a file is refused. The UI translates the
// code; the reason is English detail.
export const IMAGERY_PROBLEMS = [
  'unknown_format', 'too_large', 'empty_file', 'broken_file', 'vector_tiles', 'unsupported_tiles',
  'no_tiles', 'no_georeference', 'unknown_crs', 'unsupported_pixels',
] as const;
export type ImageryProblemCode = (typeof IMAGERY_PROBLEMS)[number];

/** The container: a tile archive (PMTiles, MBTiles) or one georeferenced image (GeoTIFF). */
export type ImageryFormat = 'pmtiles' | 'mbtiles' | 'geotiff';

export interface ImagerySummary {
  format: ImageryFormat;
  /** Encoding of the stored tiles; 'rendered' for a GeoTIFF, cut into tiles as they are drawn. */
  tiles: 'png' | 'jpg' | 'webp' | 'avif' | 'rendered';
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** Pixel width of a tile. */
  tileSize: number;
  /** 'EPSG:4527' for a GeoTIFF; null for tile archives (always web mercator). */
  crs: string | null;
  name: string | null;
  bytes: number;
}

/** A tile as stored (PNG/JPEG/WebP bytes) or as drawn from a GeoTIFF (RGBA, `size`² pixels). */
export type ImageryTile = { kind: 'encoded'; bytes: Uint8Array } | { kind: 'pixels'; rgba: Uint8ClampedArray<ArrayBuffer>; size: number };

export interface ImageryTiles {
  /** Null where the file has no tile. */
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<ImageryTile | null>;
  /** Lets go of what the file holds in memory (MBTiles' database). */
  close(): void;
}

export interface OpenImagery {
  summary: ImagerySummary;
  tiles: ImageryTiles;
}

export type ImageryResult<T> = { ok: true; value: T } | { ok: false; code: ImageryProblemCode; reason: string };

export function imageryProblem(code: ImageryProblemCode, reason: string): { ok: false; code: ImageryProblemCode; reason: string } {
  return { ok: false, code, reason };
}
