// Which parcel a newly drawn treated polygon most likely belongs to: the one it shares the most
// area with. The ranking uses Turf's spherical area, which is fine for comparing; nothing
// reported comes from it.
import area from '@turf/area';
import intersect from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featureBounds } from './feature-bounds.ts';
import type { ParcelFeature } from './model.ts';

export function suggestParcel(shape: Polygon, parcels: readonly ParcelFeature[]): ParcelFeature | null {
  const drawn: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: shape };
  const box = featureBounds(drawn);
  if (!box) return null;
  let best: { parcel: ParcelFeature; shared: number } | null = null;
  for (const parcel of parcels) {
    const b = featureBounds(parcel);
    if (!b || b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1]) continue;
    const piece = intersect(featureCollection([drawn, parcel as Feature<Polygon | MultiPolygon>]));
    const shared = piece ? area(piece) : 0;
    if (shared > 0 && (!best || shared > best.shared)) best = { parcel, shared };
  }
  return best?.parcel ?? null;
}
