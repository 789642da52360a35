// Shapefiles as GDAL writes them (ogr2ogr from a GeoJSON the test gives, with layer creation
// options such as ENCODING=CP1252), and what GDAL reads back from them: the judge of the
// "files in" tests. GDAL 3.6 has no `ogrinfo -json`, so its `ogrinfo -al` text is read in order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFile } from '../../src/io/import-types.ts';
import { tool, writeScratch } from './gdal.ts';

export interface GdalShapefile {
  shp: string;
  files: ImportFile[];
}

/**
 * ogr2ogr's Shapefile of `source` (a GeoJSON object) in `dir`, with its parts as ImportFiles;
 * `options` go before the file names (-lco ENCODING=…, --config SHAPE_ENCODING …).
 */
export function gdalShapefile(dir: string, name: string, source: unknown, options: readonly string[] = []): GdalShapefile {
  const input = writeScratch(dir, `${name}-source.geojson`, JSON.stringify(source));
  const shp = join(dir, `${name}.shp`);
  tool('ogr2ogr', ['-f', 'ESRI Shapefile', ...options, shp, input]);
  return { shp, files: shapefileParts(dir, name) };
}

export function shapefileParts(dir: string, name: string): ImportFile[] {
  return readdirSync(dir).filter((f) => new RegExp(`^${name}\\.(shp|shx|dbf|prj|cpg)$`).test(f))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

/** The fields of each feature as `ogrinfo -al` prints them, in the file's order: [name, value]. */
export function gdalAttributes(path: string, config: readonly string[] = []): [string, string][][] {
  const features: [string, string][][] = [];
  for (const line of tool('ogrinfo', [...config, '-ro', '-al', path]).split('\n')) {
    if (/^OGRFeature\(/.test(line)) features.push([]);
    const match = /^ {2}(.+?) \((?:String|Real|Integer|Integer64|Date)\) = (.*)$/.exec(line);
    if (match && features.length > 0) features[features.length - 1]!.push([match[1]!, match[2]!]);
  }
  return features;
}

export const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
export const square = (x: number, y: number, d: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

export function collection(features: { properties: Record<string, unknown>; geometry: unknown }[]): unknown {
  return { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) };
}
