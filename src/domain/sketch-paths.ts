// A small map drawn as SVG paths, for the printed mine file: the features fitted into a box with
// an equirectangular projection scaled by cos(latitude), which at one mine's extent (a few km) is
// indistinguishable from a conformal one. No tiles, so it prints offline and crisply.
import type { Geometry, Position } from 'geojson';

export interface SketchBox {
  width: number;
  height: number;
  /** Margin in the box's units. */
  padding: number;
}

export interface Sketch {
  /** One SVG path (`d`) per geometry, in the order given; '' for a geometry with no rings. */
  paths: string[];
  /** Metres per box unit, for a scale bar; 0 when nothing was drawn. */
  metresPerUnit: number;
  /** Where to label each geometry: the centroid of its largest ring, in box units; null for none. */
  labelPoints: ([number, number] | null)[];
}

type Point = [number, number];

/** Area-weighted centroid of a ring and its area (shoelace), in box units. */
function ringCentroid(ring: readonly Point[]): { at: Point; area: number } {
  let twiceArea = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(twiceArea) < 1e-9) {
    // A line or a degenerate ring: the middle of its points.
    const n = Math.max(ring.length, 1);
    return { at: [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n], area: 0 };
  }
  return { at: [cx / (3 * twiceArea), cy / (3 * twiceArea)], area: Math.abs(twiceArea) / 2 };
}

const METRES_PER_DEGREE = 111_320;

function rings(geometry: Geometry | null): Position[][] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Polygon': return geometry.coordinates;
    case 'MultiPolygon': return geometry.coordinates.flat();
    case 'LineString': return [geometry.coordinates];
    case 'MultiLineString': return geometry.coordinates;
    default: return [];
  }
}

export function sketchPaths(geometries: readonly (Geometry | null)[], box: SketchBox): Sketch {
  const all = geometries.flatMap((g) => rings(g).flat());
  if (all.length === 0) return { paths: geometries.map(() => ''), metresPerUnit: 0, labelPoints: geometries.map(() => null) };
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((box.width - 2 * box.padding) / spanX, (box.height - 2 * box.padding) / spanY);
  const offsetX = (box.width - spanX * scale) / 2;
  const offsetY = (box.height - spanY * scale) / 2;
  const project = (p: Position): Point => [offsetX + (p[0]! - west) * k * scale, offsetY + (north - p[1]!) * scale];
  const point = (p: Position): string => project(p).map((v) => v.toFixed(1)).join(',');
  const paths = geometries.map((g) => {
    const closed = g?.type === 'Polygon' || g?.type === 'MultiPolygon';
    return rings(g).map((ring) => `M${ring.map(point).join('L')}${closed ? 'Z' : ''}`).join('');
  });
  const labelPoints = geometries.map((g): Point | null => {
    const centroids = rings(g).map((ring) => ringCentroid(ring.map(project)));
    if (centroids.length === 0) return null;
    return centroids.reduce((best, c) => (c.area > best.area ? c : best)).at;
  });
  return { paths, metresPerUnit: METRES_PER_DEGREE / scale, labelPoints };
}
