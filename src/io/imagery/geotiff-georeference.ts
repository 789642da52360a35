// Where a GeoTIFF's pixels lie in its CRS, from its tags (GeoTIFF 1.1, §B.6): a tie point with a
// pixel scale, or a full ModelTransformation (which may rotate). As GDAL reads them, a raster
// whose GeoKey says PixelIsPoint has its tie point at a pixel's centre, so the grid's corner is
// half a pixel up and left of it. A file with only ground control points (several tie points,
// no scale) is refused: it must be warped first.
import { imageryProblem, type ImageryResult } from './imagery-types.ts';

/** GDAL's geotransform: x = g0 + g1·col + g2·row, y = g3 + g4·col + g5·row (col, row at pixel corners). */
export type GeoTransform = readonly [number, number, number, number, number, number];

export interface GeoreferenceTags {
  /** ModelTiepointTag: (I, J, K, X, Y, Z) per tie point. */
  tiepoints: ArrayLike<number> | null;
  /** ModelPixelScaleTag: (ScaleX, ScaleY, ScaleZ); rows go south, so Y is subtracted. */
  pixelScale: ArrayLike<number> | null;
  /** ModelTransformationTag: a 4×4 matrix, row by row. */
  transformation: ArrayLike<number> | null;
  /** GTRasterTypeGeoKey = 2 (RasterPixelIsPoint). */
  pixelIsPoint: boolean;
}

function withPointShift(g: GeoTransform, pixelIsPoint: boolean): GeoTransform {
  if (!pixelIsPoint) return g;
  return [g[0] - 0.5 * (g[1] + g[2]), g[1], g[2], g[3] - 0.5 * (g[4] + g[5]), g[4], g[5]];
}

export function geoTransform(tags: GeoreferenceTags): ImageryResult<GeoTransform> {
  const { transformation: m, tiepoints: t, pixelScale: s } = tags;
  let g: GeoTransform | null = null;
  if (m && m.length >= 16) g = [m[3]!, m[0]!, m[1]!, m[7]!, m[4]!, m[5]!];
  else if (t && t.length >= 6 && s && s.length >= 2) g = [t[3]! - t[0]! * s[0]!, s[0]!, 0, t[4]! + t[1]! * s[1]!, 0, -s[1]!];
  else if (t && t.length > 6) return imageryProblem('no_georeference', `The file has ${t.length / 6} ground control points but no pixel scale; warp it to a georeferenced grid first (gdalwarp).`);
  if (!g) return imageryProblem('no_georeference', 'The TIFF says nowhere where its pixels lie (no ModelTiepoint with ModelPixelScale, no ModelTransformation).');
  if (!g.every(Number.isFinite) || g[1] * g[5] - g[2] * g[4] === 0) return imageryProblem('no_georeference', `The georeferencing is degenerate (${g.join(', ')}).`);
  return { ok: true, value: withPointShift(g, tags.pixelIsPoint) };
}

/** Pixel (col, row) → CRS coordinates (x, y). */
export function pixelToCrs(g: GeoTransform, col: number, row: number): [number, number] {
  return [g[0] + g[1] * col + g[2] * row, g[3] + g[4] * col + g[5] * row];
}

/** The inverse transform: CRS (x, y) → pixel (col, row), as a geotransform of its own. */
export function invertGeoTransform(g: GeoTransform): GeoTransform {
  const det = g[1] * g[5] - g[2] * g[4];
  const a = g[5] / det;
  const b = -g[2] / det;
  const d = -g[4] / det;
  const e = g[1] / det;
  return [-(a * g[0] + b * g[3]), a, b, -(d * g[0] + e * g[3]), d, e];
}
