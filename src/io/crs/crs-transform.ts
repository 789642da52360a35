// Between a file's CRS and Fulv's lon/lat, with proj4 (whose tmerc is the same Poder/Engsager
// series PROJ uses, agreeing with cs2cs to well under a millimetre across a zone).
import proj4 from 'proj4';
import { LON_LAT_PROJ4, type CrsDefinition } from './crs-catalogue.ts';

export interface CrsTransform {
  /** File coordinates (easting, northing) → [lon, lat]. */
  toLonLat(x: number, y: number): [number, number];
  /** [lon, lat] → file coordinates (easting, northing). */
  fromLonLat(lon: number, lat: number): [number, number];
}

const IDENTITY: CrsTransform = {
  toLonLat: (x, y) => [x, y],
  fromLonLat: (lon, lat) => [lon, lat],
};

const cache = new Map<string, CrsTransform>();

export function crsTransform(crs: CrsDefinition): CrsTransform {
  if (crs.kind === 'geographic') return IDENTITY;
  let transform = cache.get(crs.proj4);
  if (!transform) {
    const converter = proj4(crs.proj4, LON_LAT_PROJ4);
    transform = {
      toLonLat: (x, y) => converter.forward([x, y]) as [number, number],
      fromLonLat: (lon, lat) => converter.inverse([lon, lat]) as [number, number],
    };
    cache.set(crs.proj4, transform);
  }
  return transform;
}
