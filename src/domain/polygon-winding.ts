// RFC 7946 winding: shells counter-clockwise, holes clockwise. Shapes made here (split pieces,
// holes, rings reshaped one by one) are wound on the way out rather than trusted.
import type { Position } from 'geojson';

/** Twice the signed planar area of a closed ring: positive when counter-clockwise. */
export function signedRingArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

export function woundRings(rings: readonly Position[][]): Position[][] {
  return rings.map((ring, i) => ((signedRingArea(ring) > 0) === (i === 0) ? ring : [...ring].reverse()));
}
