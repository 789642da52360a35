// Where a GeoTIFF lies on the map and at which zooms to draw it: its outline (points along every
// edge, since a Gauss-Krüger image's edges curve in lon/lat) gives the bounds; its "native" zoom
// is the one whose tile pixels are as many as the image's across those bounds. Deeper zooms are
// scaled up by the map; shallower ones read overviews, down to where even the coarsest overview
// would be read at eight pixels per tile pixel, beyond which the image is not drawn at all.
const MAX_LAT = 85.0511287798066;
export const MAX_IMAGERY_ZOOM = 22;

export function imageBounds(width: number, height: number, toLonLat: (col: number, row: number) => [number, number], steps = 16): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let k = 0; k <= steps; k++) {
    const t = k / steps;
    for (const [col, row] of [[t * width, 0], [t * width, height], [0, t * height], [width, t * height]] as const) {
      const [lon, lat] = toLonLat(col, row);
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return [w, Math.max(-MAX_LAT, s), e, Math.min(MAX_LAT, n)];
}

/** Web-mercator y in tile units at zoom 0 (0 at the north edge, 1 at the south). */
function mercatorY(lat: number): number {
  const r = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
}

export function imageZooms(bounds: readonly [number, number, number, number], width: number, height: number, coarsestFactor: number, tileSize = 256): { minZoom: number; maxZoom: number } {
  const [w, s, e, n] = bounds;
  // Tile units the image spans at zoom 0, across and down.
  const spanX = (e - w) / 360;
  const spanY = mercatorY(s) - mercatorY(n);
  const native = Math.max(Math.log2(width / (tileSize * spanX)), Math.log2(height / (tileSize * spanY)));
  const maxZoom = Math.min(MAX_IMAGERY_ZOOM, Math.max(0, Math.ceil(native)));
  const minZoom = Math.min(maxZoom, Math.max(0, Math.floor(native - Math.log2(coarsestFactor) - 3)));
  return { minZoom, maxZoom };
}
