// Turning metric outlines into RFC 7946 geometries, and refusing any that would not pass an
// import check: rings closed, no repeated vertices after rounding, outer rings counter-clockwise,
// holes clockwise, no self-intersections.
import { booleanValid, feature, kinks } from '@turf/turf';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { round7, toLonLat, type XY } from './frame.ts';
import type { AreaGeometry } from '../../src/domain/model.ts';

function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

/** Rounds, drops repeated vertices, closes, and turns the ring the required way. */
export function tidyRing(ring: readonly Position[], counterClockwise: boolean): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round7(p[0]!), round7(p[1]!)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] === last[0] && first[1] === last[1]) out.pop();
  out.push([...first]);
  return signedArea(out) > 0 === counterClockwise ? out : out.reverse();
}

export function metricPolygon(outer: readonly XY[], holes: readonly (readonly XY[])[] = []): Polygon {
  return {
    type: 'Polygon',
    coordinates: [tidyRing(outer.map(toLonLat), true), ...holes.map((h) => tidyRing(h.map(toLonLat), false))],
  };
}

export function metricLine(path: readonly XY[]): LineString {
  return { type: 'LineString', coordinates: path.map(toLonLat) };
}

/** Tidies a clipping result (its coordinates are unrounded) into a Polygon or MultiPolygon. */
export function tidyArea(geometry: AreaGeometry): AreaGeometry {
  const tidyPolygon = (rings: Position[][]) => rings.map((r, i) => tidyRing(r, i === 0));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: tidyPolygon(geometry.coordinates) };
  const parts: MultiPolygon['coordinates'] = geometry.coordinates.map(tidyPolygon);
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
}

export function isValidArea(geometry: AreaGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ringsOk = polygons.every((rings) => rings.every((ring, i) => ring.length >= 4 && signedArea(ring) > 0 === (i === 0)));
  return ringsOk && booleanValid(feature(geometry)) && kinks(feature(geometry)).features.length === 0;
}

export function isSimpleLine(line: LineString): boolean {
  return kinks(feature(line)).features.length === 0;
}
