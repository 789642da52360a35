// What is already on the ground while laying out: parcels (as enclosing circles, by owner),
// lines that nothing may sit on (rivers, railways, roads) and areas to keep out of.
import type { XY } from './frame.ts';
import { distance, distanceToPath, insideRing, type Circle } from './metric.ts';

export interface Gaps {
  /** Minimum gap to a circle of the same owner. */
  own: number;
  /** Minimum gap to a circle of another owner. */
  other: number;
  /** Minimum gap to lines and keep-out areas; left out, they are ignored. */
  line?: number;
  area?: number;
}

export class Space {
  private readonly circles: { circle: Circle; owner: string }[] = [];
  private readonly lines: XY[][] = [];
  private readonly areas: XY[][] = [];

  addCircle(circle: Circle, owner: string): void {
    this.circles.push({ circle, owner });
  }
  addLine(path: XY[]): void {
    this.lines.push(path);
  }
  addArea(ring: XY[]): void {
    this.areas.push(ring);
  }

  fits(circle: Circle, owner: string, gaps: Gaps): boolean {
    const { centre, radius } = circle;
    for (const c of this.circles) {
      const gap = c.owner === owner ? gaps.own : gaps.other;
      if (distance(centre, c.circle.centre) < radius + c.circle.radius + gap) return false;
    }
    const { line, area } = gaps;
    if (line !== undefined && this.lines.some((path) => distanceToPath(centre, path) < radius + line)) return false;
    return area === undefined
      || !this.areas.some((ring) => insideRing(centre, ring) || distanceToPath(centre, [...ring, ring[0]!]) < radius + area);
  }

  /** Distance from a point to the nearest circle's edge. */
  clearance(point: XY): number {
    return Math.min(...this.circles.map((c) => distance(point, c.circle.centre) - c.circle.radius));
  }
}
