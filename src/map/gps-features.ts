// The 'gps' source's features: the device position, its accuracy circle (geodesic, so its radius
// is true metres at any latitude) and the boundary being walked.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { geodesic } from '../domain/cgcs2000-geodesic.ts';
import type { GpsFix } from '../domain/gps-trace.ts';

const CIRCLE_STEPS = 48;

function accuracyRing(fix: GpsFix): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k <= CIRCLE_STEPS; k++) {
    const p = geodesic.Direct(fix.lat, fix.lon, (360 * (k % CIRCLE_STEPS)) / CIRCLE_STEPS, fix.accuracy);
    ring.push([p.lon2!, p.lat2!]);
  }
  return ring;
}

export function gpsFeatures(fix: GpsFix | null, trace: readonly Position[]): FeatureCollection {
  const features: Feature[] = [];
  if (fix) {
    features.push({ type: 'Feature', properties: { id: 'accuracy', kind: 'accuracy' }, geometry: { type: 'Polygon', coordinates: [accuracyRing(fix)] } });
  }
  if (trace.length > 1) {
    features.push({ type: 'Feature', properties: { id: 'trace', kind: 'trace' }, geometry: { type: 'LineString', coordinates: [...trace] } });
  }
  trace.forEach((p, i) => features.push({ type: 'Feature', properties: { id: `vertex-${i}`, kind: 'vertex' }, geometry: { type: 'Point', coordinates: [...p] } }));
  if (fix) features.push({ type: 'Feature', properties: { id: 'position', kind: 'position' }, geometry: { type: 'Point', coordinates: [fix.lon, fix.lat] } });
  return { type: 'FeatureCollection', features };
}
