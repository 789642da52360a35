// Ellipsoidal area with geodesic edges on CGCS2000 (GeographicLib's algorithm), the way the
// national land survey measures parcels. Turf's spherical area is off by tenths of a percent.
import { GeodesicNs } from './geographiclib.ts';
import type { Position } from 'geojson';
import type { AreaGeometry } from './model.ts';

/** CGCS2000 ellipsoid (differs from GRS80 only in the 10th digit of f). */
export const CGCS2000 = { a: 6378137, f: 1 / 298.257222101 } as const;

const geodesic = new GeodesicNs.Geodesic(CGCS2000.a, CGCS2000.f);

/** Unsigned area of one closed ring in m²; the closing vertex may be repeated or not. */
export function ringArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0]!;
  const last = ring[n - 1]!;
  const end = first[0] === last[0] && first[1] === last[1] ? n - 1 : n;
  const polygon = geodesic.Polygon(false);
  for (let i = 0; i < end; i++) {
    const p = ring[i]!;
    polygon.AddPoint(p[1]!, p[0]!);
  }
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

function polygonArea(rings: readonly (readonly Position[])[]): number {
  let area = 0;
  rings.forEach((ring, i) => {
    area += i === 0 ? ringArea(ring) : -ringArea(ring);
  });
  return Math.max(0, area);
}

/** Area in m² of a Polygon or MultiPolygon (outer rings minus holes), lon/lat coordinates. */
export function ellipsoidalArea(geometry: AreaGeometry): number {
  if (geometry.type === 'Polygon') return polygonArea(geometry.coordinates);
  let area = 0;
  for (const polygon of geometry.coordinates) area += polygonArea(polygon);
  return area;
}
