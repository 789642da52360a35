// A GeoTIFF as imagery: read with geotiff.js straight from the File a range at a time (never
// whole), georeferenced from its tags and GeoKeys, and cut into web-mercator tiles as the map
// asks for them (tile-reprojection.ts), each from the coarsest overview that still has a pixel
// per tile pixel. Decoding runs on the calling thread; tiles are small and read lazily.
import { fromBlob, type GeoTIFFImage } from 'geotiff';
import { crsTransform } from '../crs/crs-transform.ts';
import { geotiffCrs, type GeoKeys } from './geotiff-crs.ts';
import { imageBounds, imageZooms } from './geotiff-extent.ts';
import { geoTransform, invertGeoTransform, pixelToCrs } from './geotiff-georeference.ts';
import { pixelLayout, writePixel, type PixelLayout } from './geotiff-pixels.ts';
import { imageryProblem, type ImageryResult, type ImageryTiles, type OpenImagery } from './imagery-types.ts';
import { chooseLevel, gridWindow, resampleTile, tileImageGrid, tilePixelSpan, TILE_SIZE, type ToImagePixel } from './tile-reprojection.ts';

/** Beyond this many pixels across, a window is resampled while it is read rather than kept whole. */
const MAX_READ = 1024;
/** IFDs looked at for overviews; GDAL makes a handful. */
const MAX_IFDS = 32;
const REDUCED_RESOLUTION = 1;
const TRANSPARENCY_MASK = 4;

type Tag = 'ModelTiepoint' | 'ModelPixelScale' | 'ModelTransformation' | 'BitsPerSample' | 'SampleFormat' | 'ExtraSamples' | 'GDAL_NODATA' | 'PhotometricInterpretation' | 'Compression' | 'NewSubfileType';

async function tag(image: GeoTIFFImage, name: Tag): Promise<unknown> {
  const directory = image.getFileDirectory();
  return directory.hasTag(name) ? directory.loadValue(name) : undefined;
}

function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  return value && typeof value === 'object' && 'length' in value ? Array.from(value as ArrayLike<number>) : [];
}

async function layoutOf(image: GeoTIFFImage): Promise<ImageryResult<PixelLayout>> {
  const nodata = await tag(image, 'GDAL_NODATA');
  return pixelLayout({
    samplesPerPixel: image.getSamplesPerPixel(),
    bitsPerSample: numbers(await tag(image, 'BitsPerSample')),
    sampleFormat: numbers(await tag(image, 'SampleFormat')),
    photometric: numbers(await tag(image, 'PhotometricInterpretation'))[0],
    compression: numbers(await tag(image, 'Compression'))[0],
    extraSamples: numbers(await tag(image, 'ExtraSamples')),
    nodata: typeof nodata === 'string' ? nodata.replace(/\0/g, '') : null,
  });
}

/** The image's reduced-resolution versions (not its masks), finest first after the image itself. */
async function levelsOf(tiff: Awaited<ReturnType<typeof fromBlob>>, main: GeoTIFFImage): Promise<GeoTIFFImage[]> {
  const levels = [main];
  const count = Math.min(MAX_IFDS, await tiff.getImageCount());
  for (let i = 1; i < count; i++) {
    const image = await tiff.getImage(i);
    const kind = numbers(await tag(image, 'NewSubfileType'))[0] ?? 0;
    if ((kind & REDUCED_RESOLUTION) && !(kind & TRANSPARENCY_MASK) && image.getSamplesPerPixel() === main.getSamplesPerPixel() && image.getWidth() < main.getWidth()) levels.push(image);
  }
  return levels.sort((a, b) => b.getWidth() - a.getWidth());
}

function tiles(levels: GeoTIFFImage[], layout: PixelLayout, toPixel: ToImagePixel): ImageryTiles {
  const [main] = levels as [GeoTIFFImage];
  const width = main.getWidth();
  const height = main.getHeight();
  const factors = levels.map((l) => width / l.getWidth());
  const write = (bands: readonly ArrayLike<number>[], i: number, out: Uint8ClampedArray, o: number) => writePixel(layout, bands, i, out, o);
  return {
    async tile(z, x, y, signal) {
      const grid = tileImageGrid(z, x, y, toPixel);
      const window = gridWindow(grid, width, height);
      if (!window) return null;
      const level = levels[chooseLevel(factors, tilePixelSpan(grid))]!;
      const fx = width / level.getWidth();
      const fy = height / level.getHeight();
      const read: [number, number, number, number] = [
        Math.floor(window[0] / fx), Math.floor(window[1] / fy),
        Math.min(level.getWidth(), Math.ceil(window[2] / fx)), Math.min(level.getHeight(), Math.ceil(window[3] / fy)),
      ];
      const w = Math.min(MAX_READ, read[2] - read[0]);
      const h = Math.min(MAX_READ, read[3] - read[1]);
      const bands = await level.readRasters({ window: read, width: w, height: h, resampleMethod: 'nearest', signal });
      const rgba = resampleTile(grid, { window: [read[0] * fx, read[1] * fy, read[2] * fx, read[3] * fy], width: w, height: h, bands: bands as unknown as ArrayLike<number>[] }, write);
      return { kind: 'pixels', rgba, size: TILE_SIZE };
    },
    close() {},
  };
}

export async function openGeotiff(file: Blob): Promise<ImageryResult<OpenImagery>> {
  try {
    const tiff = await fromBlob(file);
    const main = await tiff.getImage(0);
    const keys = main.getGeoKeys() as GeoKeys & { GTRasterTypeGeoKey?: unknown } | null;
    const georef = geoTransform({
      tiepoints: numbers(await tag(main, 'ModelTiepoint')),
      pixelScale: numbers(await tag(main, 'ModelPixelScale')),
      transformation: numbers(await tag(main, 'ModelTransformation')),
      pixelIsPoint: keys?.GTRasterTypeGeoKey === 2,
    });
    if (!georef.ok) return georef;
    const crs = geotiffCrs(keys);
    if (!crs.ok) return crs;
    const layout = await layoutOf(main);
    if (!layout.ok) return layout;
    const levels = await levelsOf(tiff, main);
    const transform = crsTransform(crs.value);
    const inverse = invertGeoTransform(georef.value);
    const toPixel: ToImagePixel = (lon, lat) => pixelToCrs(inverse, ...transform.fromLonLat(lon, lat));
    const width = main.getWidth();
    const height = main.getHeight();
    const bounds = imageBounds(width, height, (col, row) => transform.toLonLat(...pixelToCrs(georef.value, col, row)));
    if (!bounds.every(Number.isFinite) || bounds[0] >= bounds[2] || bounds[1] >= bounds[3]) {
      return imageryProblem('no_georeference', `The image does not lie on the earth in ${crs.value.code} (bounds ${bounds.join(', ')}).`);
    }
    const zooms = imageZooms(bounds, width, height, width / levels.at(-1)!.getWidth());
    return {
      ok: true,
      value: {
        summary: { format: 'geotiff', tiles: 'rendered', bounds, ...zooms, tileSize: TILE_SIZE, crs: crs.value.code, name: null, bytes: file.size },
        tiles: tiles(levels, layout.value, toPixel),
      },
    };
  } catch (error) {
    return imageryProblem('broken_file', `The TIFF cannot be read: ${(error as Error).message}`);
  }
}
