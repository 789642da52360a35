// Snapping for hand drawing: the vertices and edges of parcels and treated polygons near the
// pointer, found through a flatbush index of their bboxes, measured in screen pixels (what the
// surveyor's finger can aim at). A vertex within reach wins over an edge.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from './packed-geometry.ts';
import { bboxIndex, searchBBox } from './spatial-index.ts';

export interface ScreenPoint { x: number; y: number }
export type Project = (lonLat: Position) => ScreenPoint;
export type Unproject = (point: ScreenPoint) => Position;

interface Ring { points: Position[]; bbox: BBox }

export interface SnapTarget {
  kind: 'vertex' | 'edge';
  position: Position;
}

function ringBBox(points: readonly Position[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x!);
    box[1] = Math.min(box[1], y!);
    box[2] = Math.max(box[2], x!);
    box[3] = Math.max(box[3], y!);
  }
  return box;
}

export class SnapTargets {
  private readonly rings: Ring[];
  private readonly index;

  constructor(features: readonly Feature<Polygon | MultiPolygon | null>[] | readonly Feature[]) {
    this.rings = [];
    for (const f of features) {
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const rings of polygons) for (const points of rings) if (points.length > 1) this.rings.push({ points, bbox: ringBBox(points) });
    }
    this.index = bboxIndex(this.rings);
  }

  /**
   * The nearest vertex within `tolerancePx` of the pointer, else the nearest point on an edge.
   * `searchBox` is the pointer's reach in lon/lat, to query the index.
   */
  nearest(pointer: ScreenPoint, searchBox: BBox, project: Project, unproject: Unproject, tolerancePx: number): SnapTarget | null {
    let bestVertex: { d: number; position: Position } | null = null;
    let bestEdge: { d: number; point: ScreenPoint } | null = null;
    for (const i of searchBBox(this.index, searchBox)) {
      const screen = this.rings[i]!.points.map(project);
      const points = this.rings[i]!.points;
      for (let k = 0; k < screen.length; k++) {
        const p = screen[k]!;
        const d = Math.hypot(p.x - pointer.x, p.y - pointer.y);
        if (d <= tolerancePx && (!bestVertex || d < bestVertex.d)) bestVertex = { d, position: points[k]! };
        if (k === 0) continue;
        const a = screen[k - 1]!;
        const dx = p.x - a.x;
        const dy = p.y - a.y;
        const len2 = dx * dx + dy * dy;
        if (len2 === 0) continue;
        const t = Math.max(0, Math.min(1, ((pointer.x - a.x) * dx + (pointer.y - a.y) * dy) / len2));
        const q = { x: a.x + t * dx, y: a.y + t * dy };
        const dq = Math.hypot(q.x - pointer.x, q.y - pointer.y);
        if (dq <= tolerancePx && (!bestEdge || dq < bestEdge.d)) bestEdge = { d: dq, point: q };
      }
    }
    if (bestVertex) return { kind: 'vertex', position: bestVertex.position };
    if (bestEdge) return { kind: 'edge', position: unproject(bestEdge.point) };
    return null;
  }
}
