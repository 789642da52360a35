// The local metric frame the generator draws in: metres east (x) and north (y) of a point in
// the middle of the district. East–west scale follows the cosine of each point's own latitude,
// so shapes keep their size across the 40 km of the programme; areas written to the files are
// then measured on the ellipsoid, never in this frame.
import type { Position } from 'geojson';

export type XY = [number, number];

export const ORIGIN = { lon: 118.65, lat: 40.075 } as const;

const RAD = Math.PI / 180;

// Length of one degree on the ellipsoid (series for GRS80), good to a metre per degree.
function metresPerDegreeLat(lat: number): number {
  return 111132.954 - 559.822 * Math.cos(2 * lat * RAD) + 1.175 * Math.cos(4 * lat * RAD);
}
function metresPerDegreeLon(lat: number): number {
  return 111412.84 * Math.cos(lat * RAD) - 93.5 * Math.cos(3 * lat * RAD) + 0.118 * Math.cos(5 * lat * RAD);
}

const M_PER_DEG_LAT = metresPerDegreeLat(ORIGIN.lat);

/** Seven decimals of a degree are about a centimetre, finer than any survey. */
export function round7(value: number): number {
  return Number(value.toFixed(7));
}

export function toLonLat([x, y]: XY): Position {
  const lat = ORIGIN.lat + y / M_PER_DEG_LAT;
  return [round7(ORIGIN.lon + x / metresPerDegreeLon(lat)), round7(lat)];
}

export function toMetric(p: Position): XY {
  const [lon, lat] = p as [number, number];
  return [(lon - ORIGIN.lon) * metresPerDegreeLon(lat), (lat - ORIGIN.lat) * M_PER_DEG_LAT];
}

/** The programme's extent, a little inside 118.40–118.90°E, 39.90–40.25°N. */
const BOUNDS = { west: 118.405, east: 118.895, south: 39.905, north: 40.245 } as const;

/** Whether the square around a disc stays inside the programme's extent. */
export function insideBounds(centre: XY, radius: number): boolean {
  return [[-1, -1], [-1, 1], [1, -1], [1, 1]].every(([sx, sy]) => {
    const [lon, lat] = toLonLat([centre[0] + sx! * radius, centre[1] + sy! * radius]) as [number, number];
    return lon > BOUNDS.west && lon < BOUNDS.east && lat > BOUNDS.south && lat < BOUNDS.north;
  });
}
