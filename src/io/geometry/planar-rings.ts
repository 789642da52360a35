// Planar ring arithmetic in a file's own coordinates (projected metres or degrees): orientation
// and containment, enough to tell shells from holes and to set winding orders.
import type { Position } from 'geojson';

/** Shoelace area: positive counter-clockwise (x east, y north), negative clockwise. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum / 2;
}

/** Even-odd test; a point on the boundary may land either way, which callers tolerate. */
export function ringContains(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A vertex of `inner` that is not on `outer`'s vertex list, for containment tests. */
function probe(inner: readonly Position[], outer: readonly Position[]): Position {
  const onOuter = new Set(outer.map((p) => `${p[0]},${p[1]}`));
  return inner.find((p) => !onOuter.has(`${p[0]},${p[1]}`)) ?? inner[0]!;
}

/**
 * Groups rings into polygons (shell, then its holes) by containment alone, because writers
 * disagree on orientation (ESRI: shells clockwise; many tools: the opposite; tables: none). A
 * ring inside a shell and not inside one of that shell's holes is a hole; anything else is a
 * shell, so an island in a lake becomes a polygon of its own, as GDAL reads it.
 */
export function assemblePolygons(rings: readonly Position[][]): Position[][][] {
  const order = rings.map((ring, i) => ({ ring, i, area: Math.abs(signedArea(ring)) })).sort((a, b) => b.area - a.area || a.i - b.i);
  const polygons: Position[][][] = [];
  for (const { ring } of order) {
    let host: Position[][] | undefined;
    for (let k = polygons.length - 1; k >= 0; k--) {
      const polygon = polygons[k]!;
      const p = probe(ring, polygon[0]!);
      if (!ringContains(polygon[0]!, p[0]!, p[1]!)) continue;
      if (polygon.slice(1).some((hole) => ringContains(hole, p[0]!, p[1]!))) continue;
      if (!host || Math.abs(signedArea(polygon[0]!)) < Math.abs(signedArea(host[0]!))) host = polygon;
    }
    if (host) host.push(ring);
    else polygons.push([ring]);
  }
  return polygons;
}
