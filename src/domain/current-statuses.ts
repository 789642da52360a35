// Every parcel's status now (programme record, treated work and acceptance steps together), and
// the parcel layer carrying those statuses for the map and the inspector.
import type { FeatureCollection } from 'geojson';
import type { AreaGeometry, ParcelProperties, ParcelStatus, Programme } from './model.ts';
import { currentStatus, treatedByParcel } from './parcel-status.ts';
import type { ParcelReview } from './review.ts';

export function currentStatuses(programme: Pick<Programme, 'parcels' | 'treated'>, reviews: ReadonlyMap<string, ParcelReview>): Map<string, ParcelStatus> {
  const byParcel = treatedByParcel(programme.treated.features);
  return new Map(programme.parcels.features.map((p) => [
    p.properties.id,
    currentStatus(p.properties.status, reviews.get(p.properties.id), byParcel.get(p.properties.id)?.length ?? 0),
  ]));
}

/** The parcels with their current status; unchanged features keep their identity. */
export function withStatuses(
  parcels: FeatureCollection<AreaGeometry, ParcelProperties>,
  statuses: ReadonlyMap<string, ParcelStatus>,
): FeatureCollection<AreaGeometry, ParcelProperties> {
  let changed = false;
  const features = parcels.features.map((f) => {
    const status = statuses.get(f.properties.id) ?? f.properties.status;
    if (status === f.properties.status) return f;
    changed = true;
    return { ...f, properties: { ...f.properties, status } };
  });
  return changed ? { ...parcels, features } : parcels;
}
