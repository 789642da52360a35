// The naive baseline the issue compares against: turf.buffer every zone, then turf.intersect
// every parcel with every buffer and add up the areas (which also counts overlapping buffers
// more than once: it is the slow way, not a correct one).
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BufferDistances } from '../../src/domain/buffer-presets.ts';
import type { GeneratedProgramme } from '../helpers/programme/generate-programme.ts';

type Area = Feature<Polygon | MultiPolygon>;

export function naiveBuffers(programme: GeneratedProgramme, distances: BufferDistances): Area[] {
  return programme.zones.features.flatMap((zone) => {
    const metres = distances[zone.properties.zone_type];
    if (metres === 0) return zone.geometry.type.endsWith('Polygon') ? [zone as Area] : [];
    const buffered = turf.buffer(zone, metres / 1000, { units: 'kilometers', steps: 16 });
    return buffered ? [buffered as Area] : [];
  });
}

export function naiveParcelOverlap(parcel: Area, buffers: readonly Area[]): number {
  let sum = 0;
  for (const buffer of buffers) {
    const piece = turf.intersect(turf.featureCollection([parcel, buffer]));
    if (piece) sum += turf.area(piece);
  }
  return sum;
}
