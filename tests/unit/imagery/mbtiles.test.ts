// MBTiles as imagery: the description from the metadata table (spec 1.3), and files GDAL wrote —
// its raster MBTiles driver (PNG tiles, TMS rows) and ogr2ogr's vector one — opened with sql.js.
// Where the tile lies is worked out by hand: at zoom 12, 118.51°E 40.11°N is in XYZ column
// ⌊(118.51 + 180)/360 · 4096⌋ = 3396, row ⌊(1 − ln(tan φ + sec φ)/π)/2 · 4096⌋ = 1548, stored as
// TMS row 4095 − 1548 = 2547.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mbtilesSummary } from '../../../src/io/imagery/mbtiles-metadata.ts';
import { openMbtiles } from '../../../src/io/imagery/open-mbtiles.ts';
import { bytesOf, gdalGeotiff, gdalMbtiles, gdalVectorMbtiles, pngOf } from '../../helpers/imagery/gdal-imagery.ts';

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 0, 0, 0, 2, 0]);
const facts = (metadata: [string, string][], zooms: [number, number] | null = [3, 9]) => ({ metadata, zooms, sampleTile: null, bytes: 1000 });

describe('an MBTiles description', () => {
  it('reads format, bounds and zooms from the metadata', () => {
    const summary = mbtilesSummary(facts([['name', ' 2019 正射影像 '], ['format', 'jpg'], ['bounds', '118.5,40.0,118.7,40.2'], ['minzoom', '10'], ['maxzoom', '16']]));
    expect(summary).toEqual({ ok: true, value: { format: 'mbtiles', tiles: 'jpg', bounds: [118.5, 40, 118.7, 40.2], minZoom: 10, maxZoom: 16, tileSize: 256, crs: null, name: '2019 正射影像', bytes: 1000 } });
  });

  it('takes zooms missing from the metadata from the tiles, the world for missing bounds, the tile size from a tile', () => {
    const summary = mbtilesSummary({ ...facts([['format', 'PNG']]), sampleTile: PNG_HEAD });
    expect(summary).toMatchObject({ ok: true, value: { tiles: 'png', minZoom: 3, maxZoom: 9, bounds: [-180, -85.0511, 180, 85.0511], tileSize: 512 } });
  });

  it('refuses vector tiles, other formats, no format, no tiles and zooms the wrong way round', () => {
    expect(mbtilesSummary(facts([['format', 'pbf']]))).toMatchObject({ ok: false, code: 'vector_tiles' });
    expect(mbtilesSummary(facts([['format', 'tiff']]))).toMatchObject({ ok: false, code: 'unsupported_tiles' });
    expect(mbtilesSummary(facts([]))).toMatchObject({ ok: false, code: 'unsupported_tiles' });
    expect(mbtilesSummary(facts([['format', 'png']], null))).toMatchObject({ ok: false, code: 'no_tiles' });
    expect(mbtilesSummary(facts([['format', 'png'], ['minzoom', '12'], ['maxzoom', '8']]))).toMatchObject({ ok: false, code: 'broken_file' });
  });
});

describe('MBTiles files opened with sql.js', () => {
  let sql: SqlJsStatic;
  let dir: string;
  let raster: Uint8Array;

  beforeAll(async () => {
    sql = await initSqlJs();
    dir = mkdtempSync(join(tmpdir(), 'fulv-mbtiles-'));
    // 64 px over 0.02°: about 27 m pixels, which GDAL tiles at zoom 12.
    const tif = gdalGeotiff(dir, 'green.tif', pngOf(64, 64, () => [20, 160, 60]), 'EPSG:4490', [118.50, 40.12, 118.52, 40.10]);
    raster = bytesOf(gdalMbtiles(dir, 'green.mbtiles', tif));
  });

  it('describes GDAL’s raster MBTiles and serves its tile at the XYZ row, not the stored TMS row', async () => {
    const opened = openMbtiles(sql, raster);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.summary).toMatchObject({ format: 'mbtiles', tiles: 'png', minZoom: 12, maxZoom: 12, tileSize: 256, name: 'green' });
    const [w, s, e, n] = opened.value.summary.bounds;
    expect([w, s, e, n].map((v) => Math.round(v * 100) / 100)).toEqual([118.5, 40.1, 118.52, 40.12]);
    const tile = await opened.value.tiles.tile(12, 3396, 1548);
    expect(tile?.kind === 'encoded' && [...tile.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(await opened.value.tiles.tile(12, 3396, 2547)).toBeNull();
    opened.value.tiles.close();
  });

  it('refuses ogr2ogr’s vector MBTiles, a truncated file and an SQLite database that is not MBTiles', () => {
    expect(openMbtiles(sql, bytesOf(gdalVectorMbtiles(dir, 'vector.mbtiles')))).toMatchObject({ ok: false, code: 'vector_tiles' });
    expect(openMbtiles(sql, raster.slice(0, 3000))).toMatchObject({ ok: false, code: 'broken_file' });
    const other = new sql.Database();
    other.run('CREATE TABLE parcels (id TEXT)');
    const refused = openMbtiles(sql, other.export());
    expect(refused).toMatchObject({ ok: false, code: 'broken_file' });
    expect(!refused.ok && refused.reason).toContain('not MBTiles');
  });
});
