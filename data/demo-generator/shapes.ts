// Outlines drawn in the metric frame. Every area shape is star-shaped around its centre (one
// vertex per increasing angle), which makes it simple by construction and tells us a disc it
// surely contains (`inner`) and a disc that surely contains it (`circle`), so layout can keep
// shapes apart with circle tests instead of polygon clipping.
import type { XY } from './frame.ts';
import { offset, signedArea2, type Circle } from './metric.ts';
import type { Rng } from './prng.ts';

export interface Shape {
  /** Open ring (first vertex not repeated), counter-clockwise. */
  ring: XY[];
  circle: Circle;
  /** Radius of a disc around circle.centre that lies inside the shape. */
  inner: number;
}

export interface BlobSpec {
  vertices: number;
  /** Ratio of long to short axis of the underlying ellipse. */
  aspect: number;
  rotation: number;
  /** Sum of the harmonic amplitudes, below 0.4 so every radius stays positive. */
  roughness: number;
}

export type BlobSize = { area: number } | { inner: number };

export function blob(rng: Rng, centre: XY, spec: BlobSpec, size: BlobSize): Shape {
  const n = spec.vertices;
  const step = (2 * Math.PI) / n;
  const harmonics = [2, 3, 4, 5].map((k) => ({ k, amp: rng.next() / k, phase: rng.range(0, 2 * Math.PI) }));
  const ampSum = harmonics.reduce((s, h) => s + h.amp, 0);
  const a = Math.sqrt(spec.aspect);
  const angles: number[] = [];
  const radii: number[] = [];
  for (let i = 0; i < n; i++) {
    const theta = i * step + rng.range(-0.3, 0.3) * step;
    const u = theta - spec.rotation;
    const ellipse = 1 / Math.sqrt((Math.cos(u) / a) ** 2 + (Math.sin(u) * a) ** 2);
    const wobble = harmonics.reduce((s, h) => s + (h.amp / ampSum) * spec.roughness * Math.cos(h.k * theta + h.phase), 0);
    angles.push(theta);
    radii.push(ellipse * (1 + wobble) * rng.range(0.97, 1.03));
  }
  const unitRing = angles.map((t, i): XY => [Math.cos(t) * radii[i]!, Math.sin(t) * radii[i]!]);
  // Widest angular gap between neighbours bounds how far an edge can dip towards the centre.
  const maxGap = Math.max(...angles.map((t, i) => (i + 1 < n ? angles[i + 1]! : angles[0]! + 2 * Math.PI) - t));
  const unitInner = Math.min(...radii) * Math.cos(maxGap / 2);
  const scale = 'area' in size ? Math.sqrt(size.area / (signedArea2(unitRing) / 2)) : size.inner / unitInner;
  return {
    ring: unitRing.map(([x, y]): XY => [centre[0] + x * scale, centre[1] + y * scale]),
    circle: { centre, radius: Math.max(...radii) * scale },
    inner: unitInner * scale,
  };
}

/** A mine road: a gently bending strip of the given width along a centre line. */
export function corridor(rng: Rng, centre: XY, length: number, width: number, heading: number): Shape {
  const segments = rng.int(4, 12);
  const line: XY[] = [[0, 0]];
  let h = heading;
  for (let i = 0; i < segments; i++) {
    h += rng.range(-0.25, 0.25);
    line.push(offset(line[i]!, h, length / segments));
  }
  const mid = line[Math.floor(segments / 2)]!;
  const path = line.map(([x, y]): XY => [x - mid[0] + centre[0], y - mid[1] + centre[1]]);
  const left: XY[] = [];
  const right: XY[] = [];
  path.forEach((p, i) => {
    const a = path[Math.max(0, i - 1)]!;
    const b = path[Math.min(path.length - 1, i + 1)]!;
    const normal = Math.atan2(b[1] - a[1], b[0] - a[0]) + Math.PI / 2;
    left.push(offset(p, normal, width / 2));
    right.push(offset(p, normal, -width / 2));
  });
  const ring = [...right, ...left.reverse()];
  const radius = Math.max(...ring.map(([x, y]) => Math.hypot(x - centre[0], y - centre[1])));
  return { ring: signedArea2(ring) > 0 ? ring : ring.reverse(), circle: { centre, radius }, inner: width / 2 };
}

/** A clockwise hole (an island or an unmined knoll) well inside a blob. */
export function hole(rng: Rng, outer: Shape): XY[] {
  const centre = offset(outer.circle.centre, rng.range(0, 2 * Math.PI), outer.inner * 0.2);
  const spec = { vertices: rng.int(8, 14), aspect: rng.range(1, 1.6), rotation: rng.range(0, Math.PI), roughness: 0.2 };
  const inner = blob(rng, centre, spec, { area: Math.PI * (outer.inner * 0.3) ** 2 * 0.5 });
  return inner.ring.reverse();
}

/** A river or road: waypoints densified every `spacing` metres and bent by two slow waves. */
export function meander(rng: Rng, waypoints: readonly XY[], spacing: number, amplitude: number): XY[] {
  const waves = [1, 0.4].map((share) => ({
    amp: amplitude * share, length: rng.range(3000, 6000) * share, phase: rng.range(0, 2 * Math.PI),
  }));
  const out: XY[] = [];
  let s = 0;
  for (let i = 0; i + 1 < waypoints.length; i++) {
    const [a, b] = [waypoints[i]!, waypoints[i + 1]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const normal = Math.atan2(b[1] - a[1], b[0] - a[0]) + Math.PI / 2;
    const steps = Math.max(1, Math.round(len / spacing));
    const last = i + 2 === waypoints.length;
    for (let k = 0; k < steps + (last ? 1 : 0); k++) {
      const t = k / steps;
      // The bend fades to zero at each waypoint so the line still passes through it.
      const fade = Math.sin(Math.PI * t);
      const bend = fade * waves.reduce((sum, w) => sum + w.amp * Math.sin((2 * Math.PI * (s + t * len)) / w.length + w.phase), 0);
      out.push(offset([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], normal, bend));
    }
    s += len;
  }
  return out;
}
