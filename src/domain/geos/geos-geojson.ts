// GeoJSON in and out of GEOS for the surveyor's geometry shortcuts (split, hole): one shape at a
// time, so clarity over the packed fast path of the analysis. Output rings are wound as RFC 7946
// asks (shells counter-clockwise, holes clockwise); GEOS's overlay and polygonizer do not promise it.
import type { LineString, Polygon } from 'geojson';
import { validateGeometry } from '../geometry-validation.ts';
import type { AreaGeometry } from '../model.ts';
import { unpackGeometry } from '../packed-geometry.ts';
import { woundRings } from '../polygon-winding.ts';
import type { Geos } from './geos-loader.ts';
import { geosToPacked, packedToGeos, type GeosPtr } from './geos-geometry.ts';

/** A GEOS copy of a polygon or a line, or null when it is not well formed; caller destroys it. */
export function geojsonToGeos(geos: Geos, geometry: AreaGeometry | LineString): GeosPtr | null {
  const check = validateGeometry(geometry, geometry.type === 'LineString' ? 'zone' : 'area');
  return check.valid ? packedToGeos(geos, check.packed) || null : null;
}

/** The polygons of a GEOS geometry as GeoJSON polygons (RFC 7946 winding), one per part. */
export function geosToPolygons(geos: Geos, geometry: GeosPtr): Polygon[] {
  const packed = geosToPacked(geos, geometry);
  if (!packed) return [];
  const shape = unpackGeometry(packed);
  if (shape.type === 'Polygon') return [{ type: 'Polygon', coordinates: woundRings(shape.coordinates) }];
  if (shape.type === 'MultiPolygon') return shape.coordinates.map((rings) => ({ type: 'Polygon', coordinates: woundRings(rings) }));
  return [];
}

/** One polygon as itself, several as a MultiPolygon. */
export function asAreaGeometry(parts: readonly Polygon[]): AreaGeometry {
  return parts.length === 1 ? parts[0]! : { type: 'MultiPolygon', coordinates: parts.map((p) => p.coordinates) };
}
