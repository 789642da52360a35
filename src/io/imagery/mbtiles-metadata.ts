// An MBTiles file's description (https://github.com/mapbox/mbtiles-spec, 1.3) from the rows of
// its `metadata` table: the tile format (raster only: a pbf/vector file is refused, it is not
// imagery), the bounds and the zoom range. Zooms missing from the metadata come from the zooms
// the `tiles` table actually holds; bounds missing from it mean the whole world, as the spec says;
// the tile size comes from a stored tile.
import { imageWidth } from '../pmtiles/image-size.ts';
import { imageryProblem, type ImageryResult, type ImagerySummary } from './imagery-types.ts';

export interface MbtilesFacts {
  /** name → value pairs of the metadata table, in table order. */
  metadata: readonly (readonly [string, string])[];
  /** Lowest and highest zoom_level in the tiles table; null when it has no rows. */
  zooms: readonly [number, number] | null;
  /** One stored tile, to learn the tile size (256 or 512 px). */
  sampleTile: Uint8Array | null;
  bytes: number;
}

const RASTER_FORMATS: Record<string, ImagerySummary['tiles']> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp' };
const VECTOR_FORMATS = new Set(['pbf', 'mvt']);
const WORLD: [number, number, number, number] = [-180, -85.0511, 180, 85.0511];

function parseBounds(text: string | undefined): [number, number, number, number] | null {
  if (!text) return null;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [w, s, e, n] = parts as [number, number, number, number];
  return w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90 ? [w, s, e, n] : null;
}

function parseZoom(text: string | undefined): number | null {
  const z = text === undefined || text.trim() === '' ? NaN : Number(text);
  return Number.isInteger(z) && z >= 0 && z <= 30 ? z : null;
}

export function mbtilesSummary(facts: MbtilesFacts): ImageryResult<ImagerySummary> {
  const meta = new Map(facts.metadata.map(([k, v]) => [k.trim().toLowerCase(), v]));
  const format = (meta.get('format') ?? '').trim().toLowerCase();
  if (VECTOR_FORMATS.has(format)) return imageryProblem('vector_tiles', `The tiles are vector tiles (${format}), not imagery.`);
  const tiles = RASTER_FORMATS[format];
  if (!tiles) return imageryProblem('unsupported_tiles', format ? `Tile format “${format}”; imagery must be PNG, JPEG or WebP.` : 'The metadata does not say what format the tiles are in.');
  if (!facts.zooms) return imageryProblem('no_tiles', 'The tiles table is empty.');
  const minZoom = parseZoom(meta.get('minzoom')) ?? facts.zooms[0];
  const maxZoom = parseZoom(meta.get('maxzoom')) ?? facts.zooms[1];
  if (minZoom > maxZoom) return imageryProblem('broken_file', `Zoom levels ${minZoom}–${maxZoom} make no sense.`);
  const name = meta.get('name')?.trim();
  return {
    ok: true,
    value: {
      format: 'mbtiles', tiles, bounds: parseBounds(meta.get('bounds')) ?? WORLD, minZoom, maxZoom,
      tileSize: (facts.sampleTile && imageWidth(facts.sampleTile)) || 256, crs: null, name: name || null, bytes: facts.bytes,
    },
  };
}
