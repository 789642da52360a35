// What Fulv knows about a PMTiles archive (https://github.com/protomaps/PMTiles, spec v3) once
// it has been checked, and why a file is refused. The UI translates the code; the reason is
// English detail.
export const PMTILES_PROBLEMS = [
  'empty_file', 'not_pmtiles', 'unsupported_version', 'truncated', 'unsupported_compression',
  'unsupported_tile_type', 'bad_directory', 'no_tiles', 'bad_tile', 'bad_metadata',
] as const;
export type PmtilesProblemCode = (typeof PMTILES_PROBLEMS)[number];

export type TileFormat = 'mvt' | 'png' | 'jpg' | 'webp' | 'avif';
export type VectorGeometry = 'polygon' | 'line' | 'point';

export interface VectorLayerInfo {
  id: string;
  /** Geometry kinds seen in the layer; empty when the archive does not say. */
  geometry: VectorGeometry[];
}

export interface PmtilesSummary {
  kind: 'vector' | 'raster';
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number];
  /** From the archive's metadata, when it has them. */
  name: string | null;
  attribution: string | null;
  vectorLayers: VectorLayerInfo[];
  /** Pixel width of a raster tile (256 or 512 as a rule); 512 for vector tiles. */
  tileSize: number;
  tileCount: number;
  bytes: number;
}

export type PmtilesCheck = { ok: true; value: PmtilesSummary } | { ok: false; code: PmtilesProblemCode; reason: string };

export function pmtilesProblem(code: PmtilesProblemCode, reason: string): PmtilesCheck {
  return { ok: false, code, reason };
}
