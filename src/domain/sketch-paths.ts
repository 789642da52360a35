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
  if (all.length === 0) return { paths: geometries.map(() => ''), metresPerUnit: 0 };
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((box.width - 2 * box.padding) / spanX, (box.height - 2 * box.padding) / spanY);
  const offsetX = (box.width - spanX * scale) / 2;
  const offsetY = (box.height - spanY * scale) / 2;
  const point = (p: Position): string => `${(offsetX + (p[0]! - west) * k * scale).toFixed(1)},${(offsetY + (north - p[1]!) * scale).toFixed(1)}`;
  const paths = geometries.map((g) => {
    const closed = g?.type === 'Polygon' || g?.type === 'MultiPolygon';
    return rings(g).map((ring) => `M${ring.map(point).join('L')}${closed ? 'Z' : ''}`).join('');
  });
  return { paths, metresPerUnit: METRES_PER_DEGREE / scale };
}
