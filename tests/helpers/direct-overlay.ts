// The straightforward computation the engine must agree with, PostGIS-style: one GEOS overlay
// of each parcel with the whole union (no tiles, indexes or fast paths), measured with
// GeographicLib on the GeoJSON result.
import type { Geometry } from 'geojson';
import { ellipsoidalArea } from '../../src/domain/ellipsoidal-area.ts';
import { validateGeometry } from '../../src/domain/geometry-validation.ts';
import { createCollection, GEOS_TYPE, geosToPacked, packedToGeos, type GeosPtr } from '../../src/domain/geos/geos-geometry.ts';
import type { Geos } from '../../src/domain/geos/geos-loader.ts';
import { unpackGeometry } from '../../src/domain/packed-geometry.ts';
import type { AreaGeometry } from '../../src/domain/model.ts';

export function toGeos(geos: Geos, geometry: Geometry | null | undefined, use: 'area' | 'zone' = 'area'): GeosPtr {
  const check = validateGeometry(geometry, use);
  if (!check.valid) throw new Error(check.reason);
  return packedToGeos(geos, check.packed);
}

/** Union of geometries (consumed). */
export function unionAll(geos: Geos, parts: GeosPtr[]): GeosPtr {
  const collection = createCollection(geos, GEOS_TYPE.collection, parts);
  const union = geos.GEOSUnaryUnion(collection);
  geos.GEOSGeom_destroy(collection);
  return union;
}

/** GeographicLib area of a GEOS result (consumed). */
export function referenceArea(geos: Geos, result: GeosPtr): number {
  const packed = geosToPacked(geos, result);
  geos.GEOSGeom_destroy(result);
  return packed ? ellipsoidalArea(unpackGeometry(packed) as AreaGeometry) : 0;
}
