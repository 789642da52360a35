// Splitting a treated polygon with a line the surveyor draws across it (one field treated in two
// seasons, two measures side by side). The polygon's rings and the line are noded together and
// polygonized; the faces inside the polygon are the pieces. A line that stops inside, or misses,
// leaves the polygon whole and is refused with the reason, never "split" into one piece.
import type { LineString, Polygon } from 'geojson';
import type { AreaGeometry } from './model.ts';
import type { Geos } from './geos/geos-loader.ts';
import { geojsonToGeos, geosToPolygons } from './geos/geos-geojson.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';

export type SplitRefusal = { code: 'bad_input' | 'not_across' | 'geos_failed'; reason: string };
export type SplitResult = { ok: true; pieces: Polygon[] } | { ok: false; refusal: SplitRefusal };

const NOT_ACROSS = 'the line does not cross the polygon from one edge to another; draw it from outside, across, to outside';

function faces(geos: Geos, linework: GeosPtr): GeosPtr {
  const array = geos.Module._malloc(4);
  geos.Module.HEAPU32[array / 4] = linework;
  const polygons = geos.GEOSPolygonize(array, 1);
  geos.Module._free(array);
  return polygons;
}

/** The pieces of `polygon` on either side of `line` (more than two if the line crosses it again and again). */
export function splitPolygon(geos: Geos, polygon: AreaGeometry, line: LineString): SplitResult {
  const shape = geojsonToGeos(geos, polygon);
  const cut = geojsonToGeos(geos, line);
  const owned: GeosPtr[] = [shape ?? 0, cut ?? 0];
  try {
    if (!shape || !cut) return { ok: false, refusal: { code: 'bad_input', reason: !shape ? 'the polygon is not well formed' : 'the line needs at least two distinct points' } };
    if (!geos.GEOSIntersects(shape, cut)) return { ok: false, refusal: { code: 'not_across', reason: NOT_ACROSS } };
    const rings = geos.GEOSBoundary(shape);
    owned.push(rings);
    // The union nodes the line with the rings: every crossing becomes a vertex of both.
    const noded = geos.GEOSUnion(rings, cut);
    owned.push(noded);
    if (!rings || !noded) return { ok: false, refusal: { code: 'geos_failed', reason: 'GEOS could not node the line with the polygon' } };
    const all = faces(geos, noded);
    owned.push(all);
    if (!all) return { ok: false, refusal: { code: 'geos_failed', reason: 'GEOS could not polygonize the split' } };
    const pieces: Polygon[] = [];
    const count = geos.GEOSGetNumGeometries(all);
    for (let i = 0; i < count; i++) {
      const face = geos.GEOSGetGeometryN(all, i);
      const inside = geos.GEOSPointOnSurface(face);
      // Faces filling a hole of the polygon are not part of it.
      if (inside && geos.GEOSContains(shape, inside) === 1) pieces.push(...geosToPolygons(geos, face));
      if (inside) geos.GEOSGeom_destroy(inside);
    }
    const before = polygon.type === 'Polygon' ? 1 : polygon.coordinates.length;
    if (pieces.length <= before) return { ok: false, refusal: { code: 'not_across', reason: NOT_ACROSS } };
    return { ok: true, pieces };
  } finally {
    for (const ptr of owned) if (ptr) geos.GEOSGeom_destroy(ptr);
  }
}
