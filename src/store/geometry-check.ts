// The full check of a treated polygon's geometry: structure (domain/geometry-validation.ts)
// and topology through GEOS, the same rules the analysis applies. A self-intersecting polygon
// that reached the database would be dropped from every figure later, far from its cause, so
// it is refused when it is saved. GEOS loads lazily on the first geometry edit or restore.
import { validateGeometry } from '../domain/geometry-validation.ts';
import { loadGeos } from '../domain/geos/geos-loader.ts';
import { packedToGeos } from '../domain/geos/geos-geometry.ts';
import { checkTopology } from '../domain/geos/geos-validity.ts';
import type { Problem } from './problem.ts';

/** Null when the geometry is a valid area, else what is wrong with it. Swappable, e.g. for a Worker. */
export type GeometryChecker = (geometry: unknown) => Promise<Problem | null>;

export const checkAreaGeometry: GeometryChecker = async (geometry) => {
  const structure = validateGeometry(geometry, 'area');
  if (!structure.valid) return { field: 'geometry', code: structure.code, reason: structure.reason };
  const geos = await loadGeos();
  const pointer = packedToGeos(geos, structure.packed);
  if (!pointer) return { field: 'geometry', code: 'invalid_topology', reason: 'GEOS could not read this geometry' };
  try {
    const topology = checkTopology(geos, pointer);
    return topology.valid ? null : { field: 'geometry', code: topology.code, reason: topology.reason };
  } finally {
    geos.GEOSGeom_destroy(pointer);
  }
};
