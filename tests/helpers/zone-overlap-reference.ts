// An independent overlap reference for zero buffer distances: each parcel ∩ the union of the
// protection zones' own polygons, clipped with Turf (polyclip-ts, not GEOS) and measured in an
// Albers equal-area projection (proj4, not GeographicLib).
import intersect from '@turf/intersect';
import union from '@turf/union';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Programme } from '../../src/domain/model.ts';
import { equalAreaReference } from './equal-area-reference.ts';

export function zonePolygonOverlaps(programme: Programme): Map<string, number> {
  const zones = programme.zones.features.filter((z) => z.geometry.type === 'Polygon' || z.geometry.type === 'MultiPolygon') as Feature<Polygon | MultiPolygon>[];
  const overlaps = new Map<string, number>();
  for (const parcel of programme.parcels.features) {
    const pieces = zones.flatMap((zone) => {
      const piece = intersect(featureCollection([parcel as Feature<Polygon | MultiPolygon>, zone]));
      return piece ? [piece] : [];
    });
    if (pieces.length === 0) continue;
    const merged = pieces.length === 1 ? pieces[0]! : union(featureCollection(pieces));
    if (merged) overlaps.set(parcel.properties.id, equalAreaReference(merged.geometry));
  }
  return overlaps;
}
