// Per-feature checks once a feature is in lon/lat: the domain's structural validation (which
// drops repeated consecutive vertices, valid by OGC rules, with a notice), GEOS's topology
// check for areas (the rules of PostGIS ST_IsValid), and RFC 7946 winding for what is kept.
import type { Geometry } from 'geojson';
import { validateGeometry } from '../domain/geometry-validation.ts';
import { packedToGeos } from '../domain/geos/geos-geometry.ts';
import type { Geos } from '../domain/geos/geos-loader.ts';
import { checkTopology } from '../domain/geos/geos-validity.ts';
import { unpackGeometry } from '../domain/packed-geometry.ts';
import type { CrsTransform } from './crs/crs-transform.ts';
import { mapPositions, somePosition } from './geometry/map-positions.ts';
import { windGeometry } from './geometry/ring-winding.ts';
import type { ImportFeature, ImportProblem, SourceFeature } from './import-types.ts';

export interface CheckedFeature {
  geometry: Geometry | null;
  geometryError: ImportFeature['geometryError'];
  notices: string[];
}

function outOfRange(geometry: Geometry): string | null {
  let bad: string | null = null;
  somePosition(geometry, (x, y) => {
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return false;
    bad = `coordinate (${x}, ${y}) is outside longitude/latitude range`;
    return true;
  });
  return bad;
}

export function checkFeature(source: SourceFeature, transform: CrsTransform, geos: Geos | null): CheckedFeature {
  const readError = source.problems.find((p) => p.severity === 'error');
  if (readError || !source.geometry) {
    return { geometry: null, geometryError: readError ? { code: readError.code, reason: readError.reason } : { code: 'empty', reason: 'null geometry' }, notices: [] };
  }
  const lonLat = mapPositions(source.geometry, transform.toLonLat);
  if (lonLat.type === 'Point' || lonLat.type === 'MultiPoint' || lonLat.type === 'GeometryCollection') {
    const bad = lonLat.type === 'GeometryCollection' ? 'a GeometryCollection of mixed types' : outOfRange(lonLat);
    return bad ? { geometry: null, geometryError: { code: lonLat.type === 'GeometryCollection' ? 'unsupported_geometry' : 'out_of_range', reason: bad }, notices: [] } : { geometry: lonLat, geometryError: null, notices: [] };
  }
  const check = validateGeometry(lonLat, 'zone');
  if (!check.valid) return { geometry: null, geometryError: { code: check.code, reason: check.reason }, notices: [] };
  if (geos && check.packed.kind === 'polygon') {
    const pointer = packedToGeos(geos, check.packed);
    const topology = checkTopology(geos, pointer);
    geos.GEOSGeom_destroy(pointer);
    if (!topology.valid) return { geometry: null, geometryError: { code: topology.code, reason: topology.reason }, notices: check.notices };
  }
  return { geometry: windGeometry(unpackGeometry(check.packed), 'rfc7946'), geometryError: null, notices: check.notices };
}

export function featureProblem(feature: Pick<ImportFeature, 'index' | 'id'>, problem: Omit<ImportProblem, 'featureIndex' | 'featureId'>): ImportProblem {
  return { featureIndex: feature.index, featureId: feature.id, ...problem };
}
