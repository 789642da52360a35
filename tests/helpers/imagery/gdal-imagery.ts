// Imagery files made by GDAL, the independent judge: a PNG drawn here (one colour, or a colour per
// pixel that says where the pixel is) is placed on the earth by gdal_translate -a_srs/-a_ullr as
// a GeoTIFF, and tiled by GDAL's MBTiles driver (ogr2ogr's for vector tiles). Nothing of Fulv's
// code makes these files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { tool } from '../gdal.ts';

export type Rgb = [number, number, number];

export function pngOf(width: number, height: number, colour: (col: number, row: number) => Rgb): Uint8Array {
  const png = new PNG({ width, height });
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) png.data.set([...colour(col, row), 255], (row * width + col) * 4);
  }
  return new Uint8Array(PNG.sync.write(png, { colorType: 2 }));
}

export function rgbOf(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour that tells a pixel's column and row apart from its neighbours'. */
export function pixelCode(col: number, row: number): Rgb {
  return [col % 256, row % 256, (col * 7 + row * 13) % 256];
}

/**
 * A GeoTIFF of `png` with its upper-left and lower-right corners at `ullr` in `srs`, written to
 * `dir/name`; `options` go to gdal_translate (e.g. -a_nodata, -co TILED=YES).
 */
export function gdalGeotiff(dir: string, name: string, png: Uint8Array, srs: string, ullr: readonly [number, number, number, number], options: string[] = []): string {
  const source = join(dir, `${name}.png`);
  const target = join(dir, name);
  writeFileSync(source, png);
  tool('gdal_translate', ['-q', '-of', 'GTiff', '-a_srs', srs, '-a_ullr', ...ullr.map(String), ...options, source, target]);
  return target;
}

/** GDAL's MBTiles (web-mercator PNG tiles, TMS rows) of a georeferenced file. */
export function gdalMbtiles(dir: string, name: string, from: string, options: string[] = []): string {
  const target = join(dir, name);
  tool('gdal_translate', ['-q', '-of', 'MBTILES', '-co', 'TILE_FORMAT=PNG', ...options, from, target]);
  return target;
}

/** ogr2ogr's vector MBTiles (pbf tiles) of one point: what a reviewer must not open as imagery. */
export function gdalVectorMbtiles(dir: string, name: string): string {
  const source = join(dir, `${name}.geojson`);
  writeFileSync(source, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [118.51, 40.11] } }] }));
  tool('ogr2ogr', ['-f', 'MBTILES', join(dir, name), source, '-dsco', 'MAXZOOM=6']);
  return join(dir, name);
}

export function bytesOf(path: string): Uint8Array<ArrayBuffer> {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)) as Uint8Array<ArrayBuffer>;
}
