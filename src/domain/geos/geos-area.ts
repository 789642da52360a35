// Ellipsoidal area of a GEOS result, measured straight from the GEOS heap so that overlay
// results never round-trip through GeoJSON. Overlays run in lon/lat; the area is on CGCS2000,
// as PostGIS does with ST_Area(geography(ST_Intersection(a, b))).
import { packedRingArea } from '../authalic-area.ts';
import type { Geos } from './geos-loader.ts';
import { forEachRing, type GeosPtr } from './geos-geometry.ts';

/** m² of the polygonal parts of `geometry`; lines and points in a collection add nothing. */
export function geosArea(geos: Geos, geometry: GeosPtr): number {
  let total = 0;
  let polygon = -1;
  let polygonArea = 0;
  forEachRing(geos, geometry, (xy, n, isHole, polygonIndex) => {
    if (polygonIndex !== polygon) {
      total += Math.max(0, polygonArea);
      polygon = polygonIndex;
      polygonArea = 0;
    }
    const ring = Math.abs(packedRingArea(xy, 0, n));
    polygonArea += isHole ? -ring : ring;
  });
  return total + Math.max(0, polygonArea);
}
