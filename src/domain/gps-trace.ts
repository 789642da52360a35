// Turning GPS fixes into a treated polygon's vertices: a fix worse than the surveyor's chosen
// accuracy is refused, and while walking the boundary a fix is kept only once the surveyor has
// moved a few metres (standing still must not pile up jittering vertices).
import type { Polygon, Position } from 'geojson';
import { geodesic } from './cgcs2000-geodesic.ts';

export interface GpsFix {
  lon: number;
  lat: number;
  /** Radius of 95% confidence in metres, as the Geolocation API reports it. */
  accuracy: number;
  time: number;
}

export type FixRefusal = { code: 'inaccurate'; accuracy: number; limit: number } | { code: 'too_close'; metres: number };

export const DEFAULT_ACCURACY_LIMIT_M = 10;
export const DEFAULT_WALK_SPACING_M = 3;

export function metresBetween(a: Position, b: Position): number {
  return geodesic.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? 0;
}

/** Why a fix may not become a vertex after `trace`, or null if it may. */
export function fixRefusal(trace: readonly Position[], fix: GpsFix, accuracyLimit: number, minSpacing = 0): FixRefusal | null {
  if (!(fix.accuracy <= accuracyLimit)) return { code: 'inaccurate', accuracy: fix.accuracy, limit: accuracyLimit };
  const last = trace[trace.length - 1];
  if (last && minSpacing > 0) {
    const metres = metresBetween(last, [fix.lon, fix.lat]);
    if (metres < minSpacing) return { code: 'too_close', metres };
  }
  return null;
}

/** The polygon a trace closes into, or null while it has fewer than three vertices. */
export function tracePolygon(trace: readonly Position[]): Polygon | null {
  if (trace.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...trace.map((p) => [p[0]!, p[1]!]), [trace[0]![0]!, trace[0]![1]!]]] };
}
