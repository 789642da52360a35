// GeoTIFFs GDAL wrote (a colour per pixel that says where it is), opened as imagery: the bounds
// agree with gdalinfo's, and every tile pixel is the one `gdalwarp -r near -et 0` puts there in
// the same web-mercator tile — for a Gauss-Krüger image (turned ~1° against the tile grid at
// 118.6°E), a lon/lat one, one read from its overview, and a JPEG YCbCr one.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openGeotiff } from '../../../src/io/imagery/open-geotiff.ts';
import type { OpenImagery } from '../../../src/io/imagery/imagery-types.ts';
import { tool } from '../../helpers/gdal.ts';
import { installFileReader } from '../../helpers/imagery/file-reader.ts';
import { bytesOf, gdalGeotiff, pixelCode, pngOf } from '../../helpers/imagery/gdal-imagery.ts';

const HALF_WORLD = 20037508.342789244;
const dir = mkdtempSync(join(tmpdir(), 'fulv-imagery-'));

/** The tile's RGBA as gdalwarp draws it, read from the raw (ENVI, band-sequential) output. */
function gdalwarpTile(source: string, z: number, x: number, y: number, options: string[] = []): Uint8Array {
  const size = (2 * HALF_WORLD) / 2 ** z;
  const te = [-HALF_WORLD + x * size, HALF_WORLD - (y + 1) * size, -HALF_WORLD + (x + 1) * size, HALF_WORLD - y * size];
  const out = join(dir, `warp-${z}-${x}-${y}-${options.join('')}.raw`);
  tool('gdalwarp', ['-q', '-overwrite', '-t_srs', 'EPSG:3857', '-te', ...te.map((v) => v.toFixed(6)), '-ts', '256', '256', '-r', 'near', '-et', '0', '-dstalpha', ...options, '-of', 'ENVI', source, out]);
  const bands = readFileSync(out);
  const rgba = new Uint8Array(256 * 256 * 4);
  for (let i = 0; i < 256 * 256; i++) for (let b = 0; b < 4; b++) rgba[i * 4 + b] = bands[b * 256 * 256 + i]!;
  return rgba;
}

async function open(path: string): Promise<OpenImagery> {
  const opened = await openGeotiff(new Blob([bytesOf(path)]));
  if (!opened.ok) throw new Error(`${opened.code}: ${opened.reason}`);
  return opened.value;
}

async function fulvTile(imagery: OpenImagery, z: number, x: number, y: number): Promise<Uint8ClampedArray> {
  const tile = await imagery.tiles.tile(z, x, y);
  if (!tile || tile.kind !== 'pixels') throw new Error('no tile');
  return tile.rgba;
}

/** Shares of pixels drawn by both and different in colour (by more than `tolerance`), and drawn by only one. */
function compare(fulv: Uint8ClampedArray, gdal: Uint8Array, tolerance = 0) {
  let colour = 0, coverage = 0, drawn = 0;
  for (let i = 0; i < fulv.length; i += 4) {
    const a = fulv[i + 3]! > 0, b = gdal[i + 3]! > 0;
    if (a !== b) coverage++;
    else if (a) {
      drawn++;
      if ([0, 1, 2].some((b) => Math.abs(fulv[i + b]! - gdal[i + b]!) > tolerance)) colour++;
    }
  }
  return { colour: colour / (256 * 256), coverage: coverage / (256 * 256), drawn: drawn / (256 * 256) };
}

function corners(path: string): number[][] {
  const info = JSON.parse(tool('gdalinfo', ['-json', path])) as { wgs84Extent: { coordinates: number[][][] } };
  return info.wgs84Extent.coordinates[0]!;
}

describe('a GeoTIFF drawn as web-mercator tiles', () => {
  let gk: string, lonLat: string, withOverviews: string, ycbcr: string;

  beforeAll(() => {
    installFileReader();
    // 300 × 240 pixels of 10 m in CGCS2000 / 3° zone 39 (central meridian 117°E), near 118.6°E.
    gk = gdalGeotiff(dir, 'gk.tif', pngOf(300, 240, pixelCode), 'EPSG:4527', [39_636_000, 4_432_000, 39_639_000, 4_429_600]);
    lonLat = gdalGeotiff(dir, 'lonlat.tif', pngOf(200, 100, pixelCode), 'EPSG:4490', [118.60, 40.02, 118.62, 40.01], ['-co', 'TILED=YES', '-co', 'BLOCKXSIZE=64', '-co', 'BLOCKYSIZE=64']);
    withOverviews = gdalGeotiff(dir, 'overviews.tif', pngOf(300, 240, pixelCode), 'EPSG:4527', [39_636_000, 4_432_000, 39_639_000, 4_429_600]);
    tool('gdaladdo', ['-q', '-r', 'nearest', withOverviews, '2', '4']);
    // As orthophotos often come: JPEG-compressed YCbCr (smooth, as photos are: JPEG halves the
    // chroma, and decoders differ in how they fill it back in where colour jumps).
    ycbcr = gdalGeotiff(dir, 'ycbcr.tif', pngOf(200, 100, (c, r) => [c, r * 2, 120]), 'EPSG:4490', [118.60, 40.02, 118.62, 40.01], ['-co', 'COMPRESS=JPEG', '-co', 'PHOTOMETRIC=YCBCR', '-co', 'TILED=YES']);
  });

  it('lies where gdalinfo says its corners are', async () => {
    const imagery = await open(gk);
    const [w, s, e, n] = imagery.summary.bounds;
    const lons = corners(gk).map((c) => c[0]!), lats = corners(gk).map((c) => c[1]!);
    expect(w).toBeCloseTo(Math.min(...lons), 6);
    expect(e).toBeCloseTo(Math.max(...lons), 6);
    expect(s).toBeCloseTo(Math.min(...lats), 6);
    expect(n).toBeCloseTo(Math.max(...lats), 6);
    expect(imagery.summary).toMatchObject({ format: 'geotiff', crs: 'EPSG:4527', tileSize: 256 });
    // 10 m pixels: a zoom-14 tile pixel is 9.6 m × cos 40° ≈ 7.3 m, zoom 13's 14.6 m.
    expect(imagery.summary.maxZoom).toBe(14);
  });

  it('draws a Gauss-Krüger image pixel for pixel as gdalwarp does, edges included', async () => {
    const imagery = await open(gk);
    // The tiles at zoom 14 holding the image's south-east corner and its middle, edges and all.
    for (const [x, y] of [[13590, 6203], [13589, 6202]] as const) {
      const diff = compare(await fulvTile(imagery, 14, x, y), gdalwarpTile(gk, 14, x, y));
      expect(diff.drawn).toBeGreaterThan(0.05);
      expect(diff.colour).toBeLessThan(0.005);
      expect(diff.coverage).toBeLessThan(0.005);
    }
  });

  it('draws a lon/lat image (tiled) as gdalwarp does', async () => {
    const imagery = await open(lonLat);
    expect(imagery.summary.crs).toBe('EPSG:4490');
    const diff = compare(await fulvTile(imagery, 15, 27180, 12403), gdalwarpTile(lonLat, 15, 27180, 12403));
    expect(diff.drawn).toBeGreaterThan(0.05);
    expect(diff.colour).toBeLessThan(0.005);
    expect(diff.coverage).toBeLessThan(0.005);
  });

  it('reads the overview that still has a pixel per tile pixel, as gdalwarp does from that overview', async () => {
    const imagery = await open(withOverviews);
    // Zoom 12: a tile pixel is ≈ 29 m, about 2.9 image pixels: the first overview (20 m).
    const diff = compare(await fulvTile(imagery, 12, 3397, 1550), gdalwarpTile(withOverviews, 12, 3397, 1550, ['-ovr', '0']));
    expect(diff.drawn).toBeGreaterThan(0.01);
    expect(diff.colour).toBeLessThan(0.01);
    // …and it is not what the full-resolution image gives.
    const full = compare(await fulvTile(imagery, 12, 3397, 1550), gdalwarpTile(withOverviews, 12, 3397, 1550, ['-ovr', 'NONE']));
    expect(full.colour).toBeGreaterThan(0.005);
  });

  it('draws a JPEG YCbCr image in the colours GDAL decodes it to, within JPEG decoders’ rounding', async () => {
    const imagery = await open(ycbcr);
    const diff = compare(await fulvTile(imagery, 15, 27180, 12403), gdalwarpTile(ycbcr, 15, 27180, 12403), 4);
    expect(diff.drawn).toBeGreaterThan(0.05);
    expect(diff.colour).toBeLessThan(0.01);
    expect(diff.coverage).toBeLessThan(0.005);
  });

  it('has no tile where the image is not', async () => {
    const imagery = await open(gk);
    expect(await imagery.tiles.tile(14, 13000, 6000)).toBeNull();
  });
});
