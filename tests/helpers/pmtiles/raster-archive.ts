// A raster PMTiles archive for tests: every tile over the bounds at each zoom is a plain PNG of
// one colour, so a screenshot shows exactly where the basemap is drawn.
import { PNG } from 'pngjs';
import { packPmtiles, type PackTile } from './pack-pmtiles.ts';

export function solidPng(hex: string, size = 256): Uint8Array {
  const png = new PNG({ width: size, height: size });
  const n = parseInt(hex.slice(1), 16);
  for (let i = 0; i < size * size; i++) png.data.set([(n >> 16) & 255, (n >> 8) & 255, n & 255, 255], i * 4);
  return new Uint8Array(PNG.sync.write(png));
}

export function rasterArchive(colour: string, bounds: [number, number, number, number], zooms: [number, number]): Uint8Array<ArrayBuffer> {
  const tiles: PackTile[] = [];
  const data = solidPng(colour);
  for (let z = zooms[0]; z <= zooms[1]; z++) {
    const n = 2 ** z;
    const x0 = Math.floor(((bounds[0] + 180) / 360) * n);
    const x1 = Math.floor(((bounds[2] + 180) / 360) * n);
    const y = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    for (let x = x0; x <= x1; x++) for (let yy = y(bounds[3]); yy <= y(bounds[1]); yy++) tiles.push({ z, x, y: yy, data });
  }
  return packPmtiles(tiles, { tileType: 'png', tileCompression: 'none', bounds, metadata: { name: 'test raster' } });
}
