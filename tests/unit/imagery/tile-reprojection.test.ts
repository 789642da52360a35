// Cutting a tile from an image: the grid of the tile's points in image pixels, the window it
// needs, the overview it may read, and the pixels it draws. The mappings below are written out
// by hand (web mercator's forward formula), so the tests do not lean on the code's own inverse.
import { describe, expect, it } from 'vitest';
import { chooseLevel, gridWindow, resampleTile, tileImageGrid, tilePixelSpan, type ReadWindow } from '../../../src/io/imagery/tile-reprojection.ts';

/** Web mercator: lon/lat → global tile units at zoom 0. */
function mercator(lon: number, lat: number): [number, number] {
  const r = (lat * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2];
}

/** An image whose pixels are exactly the pixels of tile z/x/y, scaled by `scale` (2 = twice as fine). */
function imageOfTile(z: number, x: number, y: number, scale = 1) {
  return (lon: number, lat: number): [number, number] => {
    const [mx, my] = mercator(lon, lat);
    return [(mx * 2 ** z - x) * 256 * scale, (my * 2 ** z - y) * 256 * scale];
  };
}

const writeRgb = (bands: readonly ArrayLike<number>[], i: number, out: Uint8ClampedArray, o: number) => {
  out.set([bands[0]![i]!, bands[1]![i]!, bands[2]![i]!, 255], o);
};

/** Bands whose samples say their own column and row. */
function codedWindow(width: number, height: number): ArrayLike<number>[] {
  const cols = new Uint8Array(width * height), rows = new Uint8Array(width * height), marks = new Uint8Array(width * height).fill(7);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) {
    cols[r * width + c] = c % 256;
    rows[r * width + c] = r % 256;
  }
  return [cols, rows, marks];
}

describe('the grid of a tile in image pixels', () => {
  it('projects 17×17 points from the tile’s north-west corner to its south-east one', () => {
    const grid = tileImageGrid(1, 1, 0, (lon, lat) => [lon, lat]);
    expect(grid.length).toBe(17 * 17 * 2);
    expect(grid[0]).toBeCloseTo(0, 9);
    expect(grid[1]).toBeCloseTo(85.0511287798, 8);
    // The centre point: lon 90°, lat = atan(sinh(π/2)) = 66.5132°.
    const centre = (8 * 17 + 8) * 2;
    expect(grid[centre]).toBeCloseTo(90, 9);
    expect(grid[centre + 1]).toBeCloseTo((Math.atan(Math.sinh(Math.PI / 2)) * 180) / Math.PI, 9);
    expect(grid[grid.length - 2]).toBeCloseTo(180, 9);
    expect(grid[grid.length - 1]).toBeCloseTo(0, 9);
  });

  it('spans as many image pixels per tile pixel as the image is coarser', () => {
    expect(tilePixelSpan(tileImageGrid(12, 3397, 1550, imageOfTile(12, 3397, 1550)))).toBeCloseTo(1, 6);
    // The same image seen two zooms out: one tile pixel covers 4 image pixels.
    expect(tilePixelSpan(tileImageGrid(10, 849, 387, imageOfTile(12, 3397, 1550)))).toBeCloseTo(4, 6);
  });

  it('needs the window of the image the tile touches, clipped to the image, or none', () => {
    const grid = tileImageGrid(12, 3397, 1550, imageOfTile(12, 3397, 1550));
    expect(gridWindow(grid, 1000, 1000)).toEqual([0, 0, 256, 256]);
    expect(gridWindow(grid, 100, 50)).toEqual([0, 0, 100, 50]);
    // An image wholly east of the tile.
    expect(gridWindow(tileImageGrid(12, 3397, 1550, imageOfTile(12, 3398, 1550)), 256, 256)).toBeNull();
  });
});

describe('choosing an overview', () => {
  it('takes the coarsest one that still has a pixel per tile pixel', () => {
    expect(chooseLevel([1, 2, 4, 8], 2.9)).toBe(1);
    expect(chooseLevel([1, 2, 4, 8], 0.4)).toBe(0);
    expect(chooseLevel([1, 2, 4, 8], 4)).toBe(2);
    expect(chooseLevel([1, 2, 4, 8], 300)).toBe(3);
    expect(chooseLevel([1, 1.97, 3.94], 2)).toBe(1);
  });
});

describe('drawing the tile', () => {
  it('gives back the image pixel for pixel when the image is the tile', () => {
    const grid = tileImageGrid(12, 3397, 1550, imageOfTile(12, 3397, 1550));
    const read: ReadWindow = { window: [0, 0, 256, 256], width: 256, height: 256, bands: codedWindow(256, 256) };
    const out = resampleTile(grid, read, writeRgb);
    for (const [px, py] of [[0, 0], [1, 0], [0, 1], [17, 200], [128, 128], [255, 255]] as const) {
      expect([...out.subarray((py * 256 + px) * 4, (py * 256 + px) * 4 + 4)]).toEqual([px, py, 7, 255]);
    }
  });

  it('leaves transparent what lies outside the image', () => {
    // The image covers the tile's east half only: tile pixel 128 is image pixel 0.
    const image = imageOfTile(12, 3397, 1550);
    const grid = tileImageGrid(12, 3397, 1550, (lon, lat) => {
      const [c, r] = image(lon, lat);
      return [c - 128, r];
    });
    const window = gridWindow(grid, 128, 256)!;
    expect(window).toEqual([0, 0, 128, 256]);
    const out = resampleTile(grid, { window, width: 128, height: 256, bands: codedWindow(128, 256) }, writeRgb);
    expect([...out.subarray((10 * 256 + 127) * 4, (10 * 256 + 128) * 4)]).toEqual([0, 0, 0, 0]);
    expect([...out.subarray((10 * 256 + 128) * 4, (10 * 256 + 129) * 4)]).toEqual([0, 10, 7, 255]);
  });

  it('reads an overview window: a window of 512 full-resolution pixels read at 256', () => {
    // The image is twice as fine as the tile; its overview (factor 2) is read instead.
    const grid = tileImageGrid(12, 3397, 1550, imageOfTile(12, 3397, 1550, 2));
    const out = resampleTile(grid, { window: [0, 0, 512, 512], width: 256, height: 256, bands: codedWindow(256, 256) }, writeRgb);
    expect([...out.subarray((50 * 256 + 30) * 4, (50 * 256 + 30) * 4 + 4)]).toEqual([30, 50, 7, 255]);
  });
});
