// Protection buffers (三区两线 surroundings): each zone buffered by its type's distance in a
// plane centred on the zone, where GEOS's planar buffer is a geodesic one (local-azimuthal.ts),
// then brought back to lon/lat; the buffers of one type are unioned so that no overlap with a
// parcel is counted twice (summing per-zone overlaps over-counts by 10–48%, PERF.md).
import { densifyGeodesic } from './geodesic-densify.ts';
import { createCollection, GEOS_TYPE, geosToPacked, packedToGeos, type GeosPtr } from './geos/geos-geometry.ts';
import type { Geos } from './geos/geos-loader.ts';
import { azimuthalEquidistant, type LocalProjection } from './local-azimuthal.ts';
import type { PackedGeometry } from './packed-geometry.ts';

/**
 * GEOS puts buffer vertices on the true circle, so each round end or corner loses the segment
 * area: 1 − sin(2π/n)·n/2π of a full circle with n = 4·16 segments is 0.16%, well inside the
 * 0.5% the issue asks of a point-like zone, and far less for real lines and polygons.
 */
export const BUFFER_QUADRANT_SEGMENTS = 16;

const paramsByGeos = new WeakMap<Geos, number>();

function roundBufferParams(geos: Geos): number {
  let params = paramsByGeos.get(geos);
  if (params === undefined) {
    params = geos.GEOSBufferParams_create();
    geos.GEOSBufferParams_setQuadrantSegments(params, BUFFER_QUADRANT_SEGMENTS);
    paramsByGeos.set(geos, params);
  }
  return params;
}

function projectPacked(packed: PackedGeometry, project: (x: number, y: number, out: Float64Array, i: number) => void): PackedGeometry {
  const xy = new Float64Array(packed.xy.length);
  for (let i = 0; i < xy.length; i += 2) project(packed.xy[i]!, packed.xy[i + 1]!, xy, i);
  return { ...packed, xy };
}

/** Lon/lat rings can come back from the curved unprojection touching themselves; repair that. */
function validOrRepaired(geos: Geos, geometry: GeosPtr): GeosPtr {
  if (geos.GEOSisValid(geometry) === 1) return geometry;
  const repaired = geos.GEOSMakeValid(geometry);
  geos.GEOSGeom_destroy(geometry);
  return repaired;
}

function bufferInPlane(geos: Geos, zone: PackedGeometry, metres: number, projection: LocalProjection): GeosPtr | null {
  const planar = packedToGeos(geos, projectPacked(densifyGeodesic(zone), projection.forward));
  const buffered = geos.GEOSBufferWithParams(planar, roundBufferParams(geos), metres);
  geos.GEOSGeom_destroy(planar);
  if (!buffered) return null;
  const packed = geosToPacked(geos, buffered);
  geos.GEOSGeom_destroy(buffered);
  return packed ? validOrRepaired(geos, packedToGeos(geos, projectPacked(packed, projection.inverse))) : null;
}

/**
 * The lon/lat area within `metres` of a zone (GEOS geometry, caller destroys it). A distance of
 * 0 is the zone polygon itself, and nothing (null) for a line, which has no area.
 */
export function zoneBuffer(geos: Geos, zone: PackedGeometry, metres: number): GeosPtr | null {
  if (metres === 0) return zone.kind === 'polygon' ? packedToGeos(geos, zone) : null;
  const [minX, minY, maxX, maxY] = zone.bbox;
  return bufferInPlane(geos, zone, metres, azimuthalEquidistant((minX + maxX) / 2, (minY + maxY) / 2));
}

/** The union of several buffers (not consumed); null when there are none. */
export function unionOf(geos: Geos, geometries: readonly GeosPtr[]): GeosPtr | null {
  if (geometries.length === 0) return null;
  const collection = createCollection(geos, GEOS_TYPE.collection, geometries.map((g) => geos.GEOSGeom_clone(g)));
  const union = geos.GEOSUnaryUnion(collection);
  geos.GEOSGeom_destroy(collection);
  return union || null;
}
