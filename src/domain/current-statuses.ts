// Every parcel's status now (programme record, treated work and acceptance steps together), and
// the parcel layer carrying those statuses for the map and the inspector.
import type { Feature, FeatureCollection } from 'geojson';
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

/** Each parcel's feature as last given a status of its own, by the parcel's feature as stored. */
const restatused = new WeakMap<Feature<AreaGeometry, ParcelProperties>, Feature<AreaGeometry, ParcelProperties>>();

/**
 * The parcels with their current status. A parcel keeps its feature object from one call to the
 * next while neither it nor its status changed, so the map is sent only what an edit changed
 * (a new object for every parcel whose status differs from its record made each edit resend
 * thousands of parcels at province scale).
 */
export function withStatuses(
  parcels: FeatureCollection<AreaGeometry, ParcelProperties>,
  statuses: ReadonlyMap<string, ParcelStatus>,
): FeatureCollection<AreaGeometry, ParcelProperties> {
  let changed = false;
  const features = parcels.features.map((f) => {
    const status = statuses.get(f.properties.id) ?? f.properties.status;
    if (status === f.properties.status) return f;
    changed = true;
    const before = restatused.get(f);
    if (before?.properties.status === status) return before;
    const feature = { ...f, properties: { ...f.properties, status } };
    restatused.set(f, feature);
    return feature;
  });
  return changed ? { ...parcels, features } : parcels;
}
