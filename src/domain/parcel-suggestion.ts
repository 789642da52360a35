// Which parcel a newly drawn treated polygon most likely belongs to: the one it shares the most
// area with. The ranking uses Turf's spherical area, which is fine for comparing; nothing
// reported comes from it.
import area from '@turf/area';
import intersect from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featureBounds } from './feature-bounds.ts';
import type { ParcelFeature } from './model.ts';
import { parcelFinder } from './parcel-finder.ts';

export function suggestParcel(shape: Polygon, parcels: readonly ParcelFeature[]): ParcelFeature | null {
  const drawn: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: shape };
  const box = featureBounds(drawn);
  if (!box) return null;
  let best: { parcel: ParcelFeature; shared: number } | null = null;
  // Only parcels whose bbox meets the drawn one's, found through an index kept per collection.
  for (const parcel of parcelFinder(parcels).near(box)) {
    const piece = intersect(featureCollection([drawn, parcel as Feature<Polygon | MultiPolygon>]));
    const shared = piece ? area(piece) : 0;
    if (shared > 0 && (!best || shared > best.shared)) best = { parcel, shared };
  }
  return best?.parcel ?? null;
}
