// Cutting a hole in a treated polygon (an untreated pond, a building, a rock outcrop left bare):
// the drawn shape is taken away from the polygon. Drawn wholly inside it becomes a hole; drawn
// across its edge it bites the edge away (a difference), which may leave several pieces.
import type { Polygon } from 'geojson';
import type { AreaGeometry } from './model.ts';
import type { Geos } from './geos/geos-loader.ts';
import { asAreaGeometry, geojsonToGeos, geosToPolygons } from './geos/geos-geojson.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';

export type HoleRefusal = { code: 'bad_input' | 'no_overlap' | 'removes_all' | 'geos_failed'; reason: string };
export type HoleResult = { ok: true; geometry: AreaGeometry } | { ok: false; refusal: HoleRefusal };

export function cutHole(geos: Geos, polygon: AreaGeometry, hole: Polygon): HoleResult {
  const shape = geojsonToGeos(geos, polygon);
  const cut = geojsonToGeos(geos, hole);
  const owned: GeosPtr[] = [shape ?? 0, cut ?? 0];
  try {
    if (!shape || !cut) return { ok: false, refusal: { code: 'bad_input', reason: !shape ? 'the polygon is not well formed' : 'the hole is not a closed ring of at least three points' } };
    if (!geos.GEOSIntersects(shape, cut)) return { ok: false, refusal: { code: 'no_overlap', reason: 'the drawn hole does not overlap the polygon; draw it inside the polygon or across its edge' } };
    const rest = geos.GEOSDifference(shape, cut);
    owned.push(rest);
    if (!rest) return { ok: false, refusal: { code: 'geos_failed', reason: 'GEOS could not take the hole away from the polygon' } };
    const parts = geosToPolygons(geos, rest);
    if (parts.length === 0) return { ok: false, refusal: { code: 'removes_all', reason: 'the drawn hole covers the whole polygon; delete the polygon instead' } };
    return { ok: true, geometry: asAreaGeometry(parts) };
  } finally {
    for (const ptr of owned) if (ptr) geos.GEOSGeom_destroy(ptr);
  }
}
