// A PMTiles archive as imagery: checked as an offline basemap is (io/pmtiles/check-pmtiles.ts),
// then refused if its tiles are vectors, and read a range at a time from the file.
import { PMTiles } from 'pmtiles';
import { BlobSource } from '../pmtiles/blob-source.ts';
import { checkPmtiles } from '../pmtiles/check-pmtiles.ts';
import type { PmtilesProblemCode } from '../pmtiles/pmtiles-types.ts';
import { imageryProblem, type ImageryProblemCode, type ImageryResult, type OpenImagery } from './imagery-types.ts';

const PROBLEMS: Record<PmtilesProblemCode, ImageryProblemCode> = {
  empty_file: 'empty_file', not_pmtiles: 'unknown_format', unsupported_version: 'unsupported_tiles',
  truncated: 'broken_file', unsupported_compression: 'unsupported_tiles', unsupported_tile_type: 'unsupported_tiles',
  bad_directory: 'broken_file', no_tiles: 'no_tiles', bad_tile: 'broken_file', bad_metadata: 'broken_file',
};

/** `key` names the file for the pmtiles library's caches; unique per opened file. */
export async function openPmtilesImagery(file: Blob, key: string): Promise<ImageryResult<OpenImagery>> {
  const check = await checkPmtiles(file);
  if (!check.ok) return imageryProblem(PROBLEMS[check.code], check.reason);
  const s = check.value;
  if (s.kind === 'vector' || s.format === 'mvt') return imageryProblem('vector_tiles', 'The archive holds vector tiles (a basemap), not imagery.');
  const archive = new PMTiles(new BlobSource(file, key));
  return {
    ok: true,
    value: {
      summary: { format: 'pmtiles', tiles: s.format, bounds: s.bounds, minZoom: s.minZoom, maxZoom: s.maxZoom, tileSize: s.tileSize, crs: null, name: s.name, bytes: s.bytes },
      tiles: {
        async tile(z, x, y, signal) {
          const tile = await archive.getZxy(z, x, y, signal);
          return tile ? { kind: 'encoded', bytes: new Uint8Array(tile.data) } : null;
        },
        close() {},
      },
    },
  };
}
