// Drawing a web-mercator tile from an image in another CRS: a coarse grid of the tile's points
// (17×17, every 16 px) is projected into the image's pixel space exactly, and the pixels between
// are interpolated bilinearly — the error of that within 16 px is far below a pixel at any zoom
// an orthophoto is read at, and it spares 65,536 projections per tile. The grid also says which
// window of the image the tile needs and how coarse an overview will do. Pixels are taken by
// nearest neighbour, as `gdalwarp -r near` does.
import { tilePointLonLat } from '../../lib/web-mercator-tiles.ts';

export const TILE_SIZE = 256;
export const GRID_POINTS = 17;

/** [lon, lat] → full-resolution pixel (col, row), fractional, of the image. */
export type ToImagePixel = (lon: number, lat: number) => [number, number];

/** Image pixel (col, row) at each grid point, row by row: x and y interleaved. */
export function tileImageGrid(z: number, x: number, y: number, toPixel: ToImagePixel, n = GRID_POINTS): Float64Array {
  const grid = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const [lon, lat] = tilePointLonLat(z, x + i / (n - 1), y + j / (n - 1));
      const [col, row] = toPixel(lon, lat);
      grid[(j * n + i) * 2] = col;
      grid[(j * n + i) * 2 + 1] = row;
    }
  }
  return grid;
}

/** Full-resolution pixel window [x0, y0, x1, y1) the tile touches, clipped to the image; null when none. */
export function gridWindow(grid: Float64Array, width: number, height: number): [number, number, number, number] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < grid.length; k += 2) {
    minX = Math.min(minX, grid[k]!);
    maxX = Math.max(maxX, grid[k]!);
    minY = Math.min(minY, grid[k + 1]!);
    maxY = Math.max(maxY, grid[k + 1]!);
  }
  const x0 = Math.max(0, Math.floor(minX));
  const y0 = Math.max(0, Math.floor(minY));
  const x1 = Math.min(width, Math.ceil(maxX));
  const y1 = Math.min(height, Math.ceil(maxY));
  return x0 < x1 && y0 < y1 ? [x0, y0, x1, y1] : null;
}

/** How many full-resolution image pixels one tile pixel spans (the larger of the two axes). */
export function tilePixelSpan(grid: Float64Array, n = GRID_POINTS, size = TILE_SIZE): number {
  const at = (i: number, j: number) => [grid[(j * n + i) * 2]!, grid[(j * n + i) * 2 + 1]!] as const;
  const [ax, ay] = at(0, 0);
  const [bx, by] = at(n - 1, 0);
  const [cx, cy] = at(0, n - 1);
  return Math.max(Math.hypot(bx - ax, by - ay), Math.hypot(cx - ax, cy - ay)) / size;
}

/**
 * The coarsest level that still has at least one pixel per tile pixel. `factors` are each level's
 * full-resolution pixels per level pixel, finest first (1 for the image itself).
 */
export function chooseLevel(factors: readonly number[], span: number): number {
  let best = 0;
  factors.forEach((f, i) => {
    if (f <= span && f > factors[best]!) best = i;
  });
  return best;
}

/** A window of the image as read: `bands` hold `width`×`height` samples covering the full-resolution window. */
export interface ReadWindow {
  window: readonly [number, number, number, number];
  width: number;
  height: number;
  bands: readonly ArrayLike<number>[];
}

/**
 * The tile's RGBA pixels. `write` turns sample `i` of the window's bands into RGBA at `out[o]`;
 * pixels outside the window (outside the image) stay transparent.
 */
export function resampleTile(
  grid: Float64Array, read: ReadWindow,
  write: (bands: readonly ArrayLike<number>[], i: number, out: Uint8ClampedArray, o: number) => void,
  n = GRID_POINTS, size = TILE_SIZE,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(size * size * 4);
  const [x0, y0, x1, y1] = read.window;
  const sx = read.width / (x1 - x0);
  const sy = read.height / (y1 - y0);
  const cell = size / (n - 1);
  for (let py = 0; py < size; py++) {
    const v = (py + 0.5) / cell;
    const j = Math.min(n - 2, Math.floor(v));
    const fv = v - j;
    for (let px = 0; px < size; px++) {
      const u = (px + 0.5) / cell;
      const i = Math.min(n - 2, Math.floor(u));
      const fu = u - i;
      const k00 = (j * n + i) * 2, k10 = k00 + 2, k01 = k00 + n * 2, k11 = k01 + 2;
      const w00 = (1 - fu) * (1 - fv), w10 = fu * (1 - fv), w01 = (1 - fu) * fv, w11 = fu * fv;
      const col = grid[k00]! * w00 + grid[k10]! * w10 + grid[k01]! * w01 + grid[k11]! * w11;
      const row = grid[k00 + 1]! * w00 + grid[k10 + 1]! * w10 + grid[k01 + 1]! * w01 + grid[k11 + 1]! * w11;
      if (col < x0 || col >= x1 || row < y0 || row >= y1) continue;
      const c = Math.min(read.width - 1, Math.floor((col - x0) * sx));
      const r = Math.min(read.height - 1, Math.floor((row - y0) * sy));
      write(read.bands, r * read.width + c, out, (py * size + px) * 4);
    }
  }
  return out;
}
