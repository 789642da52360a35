// Winding orders: RFC 7946 GeoJSON wants shells counter-clockwise and holes clockwise; ESRI
// Shapefiles want the reverse. Both are fixed on output rather than trusted on input.
import type { Geometry, Position } from 'geojson';
import { signedArea } from './planar-rings.ts';

export type Winding = 'rfc7946' | 'esri';

function orient(ring: Position[], counterClockwise: boolean): Position[] {
  return (signedArea(ring) > 0) === counterClockwise ? ring : [...ring].reverse();
}

export function windPolygon(rings: Position[][], winding: Winding): Position[][] {
  const shellCcw = winding === 'rfc7946';
  return rings.map((ring, i) => orient(ring, i === 0 ? shellCcw : !shellCcw));
}

/** A copy with polygon rings in the given winding; other geometries are returned as they are. */
export function windGeometry<G extends Geometry | null>(geometry: G, winding: Winding): G {
  if (!geometry) return geometry;
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: windPolygon(geometry.coordinates, winding) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((p) => windPolygon(p, winding)) };
  return geometry;
}
