// Simple (never self-intersecting) shapes in lon/lat: star-shaped rings, whose radius varies
// smoothly with the angle, and wandering lines. Sizes are in metres around a centre.
import type { Position } from 'geojson';
import type { Prng } from './prng.ts';

const M_PER_DEG_LAT = 111_320;

export function metresToLonLat(centre: Position, dx: number, dy: number): Position {
  const lat = centre[1]!;
  return [centre[0]! + dx / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat + dy / M_PER_DEG_LAT];
}

/**
 * A closed ring of `vertices` points whose area is close to `areaM2`; `clockwise` for holes.
 * The radius stays within ±35% of its mean, so the ring is star-shaped and simple.
 */
export function starRing(rng: Prng, centre: Position, areaM2: number, vertices: number, clockwise = false): Position[] {
  const waves = [1, 2, 3, 5].map((k) => ({ k, amplitude: rng.between(0, 0.35 / k), phase: rng.between(0, 2 * Math.PI) }));
  const shape = (a: number): number => 1 + waves.reduce((s, w) => s + w.amplitude * Math.sin(w.k * a + w.phase), 0);
  const angles = Array.from({ length: vertices }, (_, i) => ((clockwise ? -1 : 1) * 2 * Math.PI * i) / vertices);
  // Area of the polygon for mean radius 1, to scale it to the wanted area.
  let unitArea = 0;
  angles.forEach((a, i) => {
    const b = angles[(i + 1) % vertices]!;
    unitArea += 0.5 * shape(a) * shape(b) * Math.abs(Math.sin(b - a));
  });
  const radius = Math.sqrt(areaM2 / unitArea);
  const ring = angles.map((a) => metresToLonLat(centre, radius * shape(a) * Math.cos(a), radius * shape(a) * Math.sin(a)));
  ring.push(ring[0]!);
  return ring;
}

/** A line wandering from `start` in a general direction, with `vertices` points over `lengthM`. */
export function wanderingLine(rng: Prng, start: Position, lengthM: number, vertices: number): Position[] {
  let heading = rng.between(0, 2 * Math.PI);
  const step = lengthM / (vertices - 1);
  const line = [start];
  let at = start;
  for (let i = 1; i < vertices; i++) {
    heading += rng.between(-0.35, 0.35);
    at = metresToLonLat(at, step * Math.cos(heading), step * Math.sin(heading));
    line.push(at);
  }
  return line;
}
