// Small pieces shared by the zones drawn around mines.
import type { ZoneFeature, ZoneProperties } from '../../src/domain/model.ts';
import type { XY } from './frame.ts';
import { isValidArea, metricPolygon } from './geojson.ts';
import { distance, insideRing, offset, ringDistance, type Circle } from './metric.ts';
import type { LaidMine } from './parcels.ts';
import type { Shape } from './shapes.ts';

/** A disc holding all of a mine's parcels, around its first one. */
export function cluster(m: LaidMine): Circle {
  const centre = m.parcels[0]!.circle.centre;
  return { centre, radius: Math.max(...m.parcels.map((p) => distance(centre, p.circle.centre) + p.circle.radius)) };
}

/** Least distance from a mine's parcels to an outline. */
export function gapTo(m: LaidMine, ring: XY[]): number {
  return Math.min(...m.parcels.flatMap((p) => p.parts.map((part) => ringDistance(part.ring, ring))));
}

/** Whether an outline comes within `gap` of any parcel or holds one. */
export function touchesAnyParcel(mines: LaidMine[], ring: XY[], gap: number): boolean {
  return mines.some((m) => m.parcels.some((p) => p.parts.some((part) => insideRing(part.ring[0]!, ring) || ringDistance(part.ring, ring) < gap)));
}

/** Moves a shape drawn around [0, 0] to `to`. */
export function moveTo(shape: Shape, to: XY): Shape {
  return { ...shape, ring: shape.ring.map(([x, y]): XY => [x + to[0], y + to[1]]), circle: { centre: to, radius: shape.circle.radius } };
}

/** Moves a shape drawn around [0, 0] to stand beside `anchor`, `gap` metres off its edge. */
export function besides(shape: Shape, anchor: Circle, angle: number, gap: number): Shape {
  return moveTo(shape, offset(anchor.centre, angle, anchor.radius + gap + shape.circle.radius));
}

export function zoneFeature(properties: ZoneProperties, ring: XY[]): ZoneFeature {
  const geometry = metricPolygon(ring);
  if (!isValidArea(geometry)) throw new Error(`${properties.id} is not a valid polygon`);
  return { type: 'Feature', properties, geometry };
}
