// Opening any imagery file: the kind comes from the bytes, each reader answers for its own, and
// a vector PMTiles (a basemap) is refused as imagery while a raster one is served tile by tile.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { openImagery, type ImageryReaders } from '../../../src/io/imagery/open-imagery.ts';
import { installFileReader } from '../../helpers/imagery/file-reader.ts';
import { bytesOf, gdalGeotiff, gdalMbtiles, pngOf } from '../../helpers/imagery/gdal-imagery.ts';
import { basemapFixture } from '../../helpers/pmtiles/basemap-fixture.ts';
import { rasterArchive } from '../../helpers/pmtiles/raster-archive.ts';

const readers: ImageryReaders = { sqlJs: () => initSqlJs() };
const BOUNDS: [number, number, number, number] = [118.5, 40.1, 118.52, 40.12];

describe('opening an imagery file', () => {
  let dir: string;
  beforeAll(() => {
    installFileReader();
    dir = mkdtempSync(join(tmpdir(), 'fulv-open-imagery-'));
  });

  it('knows each kind by its bytes, whatever its name', async () => {
    const tif = gdalGeotiff(dir, 'a.tif', pngOf(16, 16, () => [1, 2, 3]), 'EPSG:4326', [BOUNDS[0], BOUNDS[3], BOUNDS[2], BOUNDS[1]]);
    const kinds = [
      [bytesOf(tif), 'geotiff'],
      [bytesOf(gdalMbtiles(dir, 'a.mbtiles', tif)), 'mbtiles'],
      [rasterArchive('#336699', BOUNDS, [8, 10]), 'pmtiles'],
    ] as const;
    for (const [bytes, format] of kinds) {
      const opened = await openImagery(new Blob([bytes]), `k-${format}`, readers);
      expect(opened.ok && opened.value.summary.format).toBe(format);
    }
  });

  it('serves a raster PMTiles archive’s tiles as they are stored', async () => {
    const opened = await openImagery(new Blob([rasterArchive('#336699', BOUNDS, [8, 10])]), 'raster', readers);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.summary).toMatchObject({ tiles: 'png', minZoom: 8, maxZoom: 10, tileSize: 256, crs: null });
    // 118.51°E 40.11°N at zoom 10: column 849, row 387.
    const tile = await opened.value.tiles.tile(10, 849, 387);
    expect(tile?.kind === 'encoded' && tile.bytes[1]).toBe(0x50);
    expect(await opened.value.tiles.tile(10, 100, 100)).toBeNull();
  });

  it('refuses a vector PMTiles archive, an empty file, an unknown one and a cut TIFF', async () => {
    const refusal = async (bytes: Uint8Array<ArrayBuffer>) => {
      const opened = await openImagery(new Blob([bytes]), 'x', readers);
      return opened.ok ? 'accepted' : opened.code;
    };
    expect(await refusal(basemapFixture())).toBe('vector_tiles');
    expect(await refusal(new Uint8Array(0))).toBe('empty_file');
    expect(await refusal(new TextEncoder().encode('{"type":"FeatureCollection"}') as Uint8Array<ArrayBuffer>)).toBe('unknown_format');
    const tif = bytesOf(gdalGeotiff(dir, 'cut.tif', pngOf(16, 16, () => [1, 2, 3]), 'EPSG:4490', [118.5, 40.12, 118.52, 40.1]));
    expect(await refusal(tif.slice(0, 300))).toBe('broken_file');
  });
});
