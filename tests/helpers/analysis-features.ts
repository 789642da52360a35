// Small hand-made features for the analysis tests, frozen so that any mutation by the engine
// fails the test (STYLE.md: never mutate inputs).
import type { Geometry, Polygon, Position } from 'geojson';
import type { InputFeature } from '../../src/domain/analysis-types.ts';
import type { ZoneType } from '../../src/domain/model.ts';
import { GeodesicNs } from '../../src/domain/geographiclib.ts';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Counter-clockwise lon/lat rectangle. */
export function rect(west: number, south: number, east: number, north: number): Polygon {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

export function feature(id: string, geometry: Geometry | null, properties: Record<string, unknown> = {}): InputFeature {
  return deepFreeze({ type: 'Feature', properties: { id, ...properties }, geometry });
}

export const parcel = (id: string, geometry: Geometry | null, properties: Record<string, unknown> = {}): InputFeature =>
  feature(id, geometry, { mine_id: 'M1', ...properties });

export const zone = (id: string, zoneType: ZoneType, geometry: Geometry | null): InputFeature => feature(id, geometry, { zone_type: zoneType });

export const treated = (id: string, date: string, geometry: Geometry | null): InputFeature => feature(id, geometry, { date });

// CGCS2000 as published (a = 6378137 m, 1/f = 298.257222101), not the code's constants.
export const geodesic = new GeodesicNs.Geodesic(6378137, 1 / 298.257222101);

/** The point `metres` from (lon, lat) along `azimuth` degrees, on the ellipsoid. */
export function destination(lon: number, lat: number, azimuth: number, metres: number): Position {
  const r = geodesic.Direct(lat, lon, azimuth, metres);
  return [r.lon2!, r.lat2!];
}

/** A regular n-gon of geodesic radius `metres` (vertices at that distance from the centre). */
export function ngon(lon: number, lat: number, metres: number, n: number, rotation = 0): Polygon {
  const ring = Array.from({ length: n }, (_, i) => destination(lon, lat, rotation + (360 * i) / n, metres));
  ring.reverse();
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
