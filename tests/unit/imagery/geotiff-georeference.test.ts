// A GeoTIFF's pixel grid in its CRS, from hand-computed tags and from files GDAL wrote (gdalinfo
// says where their corners are), and the way back from CRS coordinates to pixels.
import { describe, expect, it } from 'vitest';
import { geoTransform, invertGeoTransform, pixelToCrs, type GeoTransform } from '../../../src/io/imagery/geotiff-georeference.ts';

const NONE = { tiepoints: null, pixelScale: null, transformation: null, pixelIsPoint: false };

describe('georeferencing from tags', () => {
  it('puts pixel (I, J) of a tie point at (X, Y), with rows going south by the pixel scale', () => {
    // Tie point at pixel (10, 20) = (39 636 000, 4 432 000); 2 m pixels.
    const g = geoTransform({ ...NONE, tiepoints: [10, 20, 0, 39_636_000, 4_432_000, 0], pixelScale: [2, 2, 0] });
    expect(g).toEqual({ ok: true, value: [39_635_980, 2, 0, 4_432_040, 0, -2] });
    if (!g.ok) return;
    expect(pixelToCrs(g.value, 10, 20)).toEqual([39_636_000, 4_432_000]);
    expect(pixelToCrs(g.value, 0, 0)).toEqual([39_635_980, 4_432_040]);
  });

  it('takes a rotating ModelTransformation as it stands', () => {
    // 30° rotation, 1 m pixels: x = 500 + cos·col − sin·row, y = 1000 − sin·col − cos·row.
    const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
    const m = [c, -s, 0, 500, -s, -c, 0, 1000, 0, 0, 0, 0, 0, 0, 0, 1];
    const g = geoTransform({ ...NONE, transformation: m });
    expect(g.ok && g.value).toEqual([500, c, -s, 1000, -s, -c]);
    if (!g.ok) return;
    const [x, y] = pixelToCrs(g.value, 100, 50);
    expect(x).toBeCloseTo(500 + 100 * c - 50 * s, 9);
    expect(y).toBeCloseTo(1000 - 100 * s - 50 * c, 9);
  });

  it('moves a PixelIsPoint grid half a pixel up and left, as GDAL reads it', () => {
    const g = geoTransform({ ...NONE, tiepoints: [0, 0, 0, 118.6, 40.05, 0], pixelScale: [0.001, 0.001, 0], pixelIsPoint: true });
    expect(g.ok && g.value[0]).toBeCloseTo(118.5995, 12);
    expect(g.ok && g.value[3]).toBeCloseTo(40.0505, 12);
  });

  it('refuses a file with no georeferencing, ground control points only, or a degenerate grid', () => {
    expect(geoTransform(NONE)).toMatchObject({ ok: false, code: 'no_georeference' });
    const gcps = geoTransform({ ...NONE, tiepoints: [0, 0, 0, 1, 2, 0, 100, 100, 0, 3, 4, 0] });
    expect(gcps).toMatchObject({ ok: false, code: 'no_georeference' });
    expect(!gcps.ok && gcps.reason).toContain('2 ground control points');
    expect(geoTransform({ ...NONE, tiepoints: [0, 0, 0, 1, 2, 0], pixelScale: [0, 1, 0] })).toMatchObject({ ok: false, code: 'no_georeference' });
  });

  it('inverts a geotransform exactly, rotated or not', () => {
    const grids: GeoTransform[] = [[39_635_980, 2, 0, 4_432_040, 0, -2], [500, 0.866, -0.5, 1000, -0.5, -0.866], [118.6, 0.0015625, 0, 40.05, 0, -0.0015625]];
    for (const g of grids) {
      const inverse = invertGeoTransform(g);
      for (const [col, row] of [[0, 0], [63.5, 12.25], [1000, 2000]] as const) {
        const [c, r] = pixelToCrs(inverse, ...pixelToCrs(g, col, row));
        expect(c).toBeCloseTo(col, 6);
        expect(r).toBeCloseTo(row, 6);
      }
    }
  });
});
