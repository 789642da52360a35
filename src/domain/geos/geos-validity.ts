// Topology checks that need GEOS (the same rules as PostGIS ST_IsValid): GEOS itself throws on
// such input during overlay, and Turf silently returns wrong areas, so they are caught first.
import type { GeometryProblem } from '../geometry-validation.ts';
import type { Geos } from './geos-loader.ts';
import type { GeosPtr } from './geos-geometry.ts';

export type TopologyCheck = { valid: true } | { valid: false; code: GeometryProblem; reason: string };

/** "Self-intersection[118.5 40.1]" → "self-intersection at (118.5, 40.1)". */
function describe(message: string): TopologyCheck {
  const match = /^(.*?)\s*\[([-\d.eE+]+) ([-\d.eE+]+)\]\s*$/.exec(message);
  const what = (match ? match[1]! : message).trim();
  const where = match ? ` at (${match[2]}, ${match[3]})` : '';
  const code: GeometryProblem = /self-intersection/i.test(what) ? 'self_intersection' : 'invalid_topology';
  return { valid: false, code, reason: `${what.toLowerCase()}${where}` };
}

export function checkTopology(geos: Geos, geometry: GeosPtr): TopologyCheck {
  const reasonPtr = geos.GEOSisValidReason(geometry);
  if (!reasonPtr) return { valid: false, code: 'invalid_topology', reason: 'GEOS could not check this geometry' };
  const message = geos.Module.UTF8ToString(reasonPtr);
  geos.GEOSFree(reasonPtr);
  return message === 'Valid Geometry' ? { valid: true } : describe(message);
}
