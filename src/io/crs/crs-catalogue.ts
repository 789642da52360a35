// The coordinate reference systems Chinese mine data comes in, as the EPSG registry defines them
// (checked against PROJ's `projinfo` in tests/unit/io/crs-catalogue.test.ts; several public
// tables mislabel these codes). Every CGCS2000 system is on the GRS80 ellipsoid with scale 1:
//   EPSG:4490            geographic CGCS2000
//   EPSG:4491–4501       6° Gauss-Krüger zones 13–23, zone number in the false easting
//   EPSG:4502–4512       6° zones, central meridian 75°E–135°E, false easting 500 000
//   EPSG:4513–4533       3° zones 25–45, zone number in the false easting (zone 39 = 39 500 000)
//   EPSG:4534–4554       3° zones, central meridian 75°E–135°E, false easting 500 000
// Lon/lat inside Fulv is CGCS2000 ≈ WGS84 (they differ by centimetres, below survey precision),
// so EPSG:4326 and CRS84 are read as the same lon/lat, with no datum shift.

export interface TransverseMercator {
  lon0: number;
  lat0: number;
  scale: number;
  falseEasting: number;
  falseNorthing: number;
  /** Semi-major axis and inverse flattening. */
  a: number;
  rf: number;
}

export interface GaussKrugerZone {
  width: 3 | 6;
  zone: number;
  /** True when the zone number is part of the false easting (8-digit eastings). */
  prefixed: boolean;
}

export interface CrsDefinition {
  /** 'EPSG:4527'; null for a projection read from a .prj that no EPSG code here matches. */
  code: string | null;
  name: string;
  kind: 'geographic' | 'projected';
  proj4: string;
  tm: TransverseMercator | null;
  gk: GaussKrugerZone | null;
}

export const GRS80 = { a: 6378137, rf: 298.257222101 } as const;

/** Internal lon/lat. GRS80 without a datum, so proj4 never applies a datum shift. */
export const LON_LAT_PROJ4 = '+proj=longlat +ellps=GRS80 +no_defs';

export const CGCS2000_GEOGRAPHIC: CrsDefinition = {
  code: 'EPSG:4490', name: 'CGCS2000', kind: 'geographic', proj4: LON_LAT_PROJ4, tm: null, gk: null,
};
export const WGS84_GEOGRAPHIC: CrsDefinition = {
  code: 'EPSG:4326', name: 'WGS 84', kind: 'geographic', proj4: LON_LAT_PROJ4, tm: null, gk: null,
};

export function transverseMercatorProj4(tm: TransverseMercator): string {
  const ellipsoid = tm.a === GRS80.a && Math.abs(tm.rf - GRS80.rf) < 1e-6 ? '+ellps=GRS80' : `+a=${tm.a} +rf=${tm.rf}`;
  return `+proj=tmerc +lat_0=${tm.lat0} +lon_0=${tm.lon0} +k=${tm.scale} +x_0=${tm.falseEasting} +y_0=${tm.falseNorthing} ${ellipsoid} +units=m +no_defs`;
}

const EPSG_BASE = { six: { prefixed: 4491, plain: 4502, first: 13, last: 23 }, three: { prefixed: 4513, plain: 4534, first: 25, last: 45 } } as const;

function centralMeridian(gk: GaussKrugerZone): number {
  return gk.width === 6 ? gk.zone * 6 - 3 : gk.zone * 3;
}

function gkName(gk: GaussKrugerZone): string {
  const width = gk.width === 3 ? '3-degree ' : '';
  return gk.prefixed ? `CGCS2000 / ${width}Gauss-Kruger zone ${gk.zone}` : `CGCS2000 / ${width}Gauss-Kruger CM ${centralMeridian(gk)}E`;
}

function gkEpsg(gk: GaussKrugerZone): number {
  const base = gk.width === 6 ? EPSG_BASE.six : EPSG_BASE.three;
  return (gk.prefixed ? base.prefixed : base.plain) + gk.zone - base.first;
}

/** Null when the zone is outside China's EPSG range (6°: 13–23, 3°: 25–45). */
export function gaussKrugerCrs(gk: GaussKrugerZone): CrsDefinition | null {
  const base = gk.width === 6 ? EPSG_BASE.six : EPSG_BASE.three;
  if (!Number.isInteger(gk.zone) || gk.zone < base.first || gk.zone > base.last) return null;
  const tm: TransverseMercator = {
    lon0: centralMeridian(gk), lat0: 0, scale: 1,
    falseEasting: gk.prefixed ? gk.zone * 1_000_000 + 500_000 : 500_000, falseNorthing: 0, ...GRS80,
  };
  return { code: `EPSG:${gkEpsg(gk)}`, name: gkName(gk), kind: 'projected', proj4: transverseMercatorProj4(tm), tm, gk: { ...gk } };
}

export function crsFromEpsg(code: number): CrsDefinition | null {
  if (code === 4490) return CGCS2000_GEOGRAPHIC;
  if (code === 4326) return WGS84_GEOGRAPHIC;
  for (const [width, base] of [[6, EPSG_BASE.six], [3, EPSG_BASE.three]] as const) {
    const zones = base.last - base.first;
    if (code >= base.prefixed && code <= base.prefixed + zones) return gaussKrugerCrs({ width, zone: base.first + code - base.prefixed, prefixed: true });
    if (code >= base.plain && code <= base.plain + zones) return gaussKrugerCrs({ width, zone: base.first + code - base.plain, prefixed: false });
  }
  return null;
}

/** The 3° zone whose central meridian is nearest: 118.4°E → 39 (117°E), 118.6°E → 40 (120°E). */
export function threeDegreeZone(lon: number): number {
  return Math.round(lon / 3);
}

/** Every code crsFromEpsg knows, for pickers and tests. */
export function knownEpsgCodes(): number[] {
  const codes = [4326, 4490];
  for (let c = 4491; c <= 4554; c++) codes.push(c);
  return codes;
}
