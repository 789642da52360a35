// Which web-mercator (XYZ) tiles cover an area at which zooms, and their URLs from a template as
// MapLibre fills it in ({z}/{x}/{y}; TMS numbers rows from the south). Used to cache an online
// basemap for an area the user picks, and to place imagery files (MBTiles rows are TMS; a GeoTIFF
// is drawn by finding where each tile's pixels lie).
export type LonLatBounds = [west: number, south: number, east: number, north: number];

export interface TileRange { z: number; x0: number; x1: number; y0: number; y1: number }

const MAX_LAT = 85.0511287798066;

function column(lon: number, z: number): number {
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
}

function row(lat: number, z: number): number {
  const r = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)));
}

export function tileRanges(bounds: LonLatBounds, minZoom: number, maxZoom: number): TileRange[] {
  const [west, south, east, north] = bounds;
  const out: TileRange[] = [];
  for (let z = minZoom; z <= maxZoom; z++) out.push({ z, x0: column(west, z), x1: column(east, z), y0: row(north, z), y1: row(south, z) });
  return out;
}

export function tileCount(ranges: readonly TileRange[]): number {
  return ranges.reduce((n, r) => n + (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1), 0);
}

export function* tilesIn(ranges: readonly TileRange[]): Generator<[number, number, number]> {
  for (const r of ranges) for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) yield [r.z, x, y];
}

/** The row of a tile counted from the south (TMS, MBTiles) from its XYZ row, and back. */
export function tmsRow(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

/** [lon, lat] of a point in tile units at zoom z: whole numbers are tile corners, x = 0 at 180°W, y = 0 at the north edge. */
export function tilePointLonLat(z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  return [(x / n) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI];
}

export function tileUrl(template: string, [z, x, y]: readonly [number, number, number], tms = false): string {
  const row = tms ? tmsRow(z, y) : y;
  return template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(row));
}
