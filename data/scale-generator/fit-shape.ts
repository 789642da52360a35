// Resizing a star-shaped outline about its centre, so that a parcel fits its slot and a treated
// polygon fits inside its parcel's inner disc (and so inside the parcel).
import type { XY } from '../demo-generator/frame.ts';
import type { Shape } from '../demo-generator/shapes.ts';

export function scaledTo(shape: Shape, radius: number): Shape {
  const k = radius / shape.circle.radius;
  const [cx, cy] = shape.circle.centre;
  return {
    ring: shape.ring.map(([x, y]): XY => [cx + (x - cx) * k, cy + (y - cy) * k]),
    circle: { centre: shape.circle.centre, radius },
    inner: shape.inner * k,
  };
}

/** Shrinks a shape whose enclosing circle is wider than `radius`; leaves smaller ones alone. */
export function within(shape: Shape, radius: number): Shape {
  return shape.circle.radius > radius ? scaledTo(shape, radius) : shape;
}
