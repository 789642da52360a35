// Treated area computed the plain way, to check the engine and the dashboard against: the union
// of the chosen parcels intersected with the union of every treated polygon dated up to a day
// (so overlaps count once), measured by the reference area. Slow and obviously right. It differs
// from the engine's path in how it cuts the work (one union of everything, not one overlay per
// parcel) and in the area (GeographicLib, not the authalic sphere), but shares GEOS's overlay:
// it checks what the engine attributes and sums, not GEOS. Against an overlay other than GEOS,
// see tests/unit/analysis/treated-property.test.ts (Turf's).
import { loadGeos } from '../../src/domain/geos/geos-loader.ts';
import type { Programme } from '../../src/domain/model.ts';
import { referenceArea, toGeos, unionAll } from './direct-overlay.ts';

/** Treated m² inside the given parcels, from polygons dated up to `through` (yyyy-mm-dd). */
export async function treatedReferenceM2(programme: Pick<Programme, 'parcels' | 'treated'>, parcelIds: ReadonlySet<string>, through: string): Promise<number> {
  const geos = await loadGeos();
  const treated = programme.treated.features.filter((f) => f.properties.date <= through);
  const parcels = programme.parcels.features.filter((p) => parcelIds.has(p.properties.id));
  if (treated.length === 0 || parcels.length === 0) return 0;
  const union = unionAll(geos, treated.map((f) => toGeos(geos, f.geometry)));
  const area = unionAll(geos, parcels.map((p) => toGeos(geos, p.geometry)));
  const m2 = referenceArea(geos, geos.GEOSIntersection(area, union));
  geos.GEOSGeom_destroy(union);
  geos.GEOSGeom_destroy(area);
  return m2;
}
