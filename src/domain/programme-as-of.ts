// The programme as it stood at the end of a day, for the reviewer's before/after view: parcels
// with their status then, and the treated polygons done by then. A parcel that was accepted then
// shows the polygons exactly as accepted (frozen in its acceptance step), even if they were
// reshaped or deleted later; other polygons show their current shape.
import type { FeatureCollection } from 'geojson';
import type { AreaGeometry, ParcelFeature, ParcelProperties, Programme, TreatedFeature, TreatedProperties } from './model.ts';
import { endOfDay, statusAsOf, treatedByParcel } from './parcel-status.ts';
import { FROZEN_STATUSES, type ParcelReview } from './review.ts';

export interface ProgrammeAsOf {
  parcels: FeatureCollection<AreaGeometry, ParcelProperties>;
  treated: FeatureCollection<AreaGeometry, TreatedProperties>;
}

/** The polygons accepted in the last acceptance step up to `end`, if the parcel was still frozen then. */
function frozenAt(review: ParcelReview, end: number): TreatedFeature[] | null {
  const done = review.events.filter((e) => Date.parse(e.at) <= end);
  const last = done[done.length - 1];
  if (!last || !FROZEN_STATUSES.includes(last.status)) return null;
  const accept = [...done].reverse().find((e) => e.action === 'accept');
  return accept?.accepted ?? null;
}

export function programmeAsOf(programme: Pick<Programme, 'parcels' | 'treated'>, reviews: ReadonlyMap<string, ParcelReview>, date: string): ProgrammeAsOf {
  const end = endOfDay(date);
  const byParcel = treatedByParcel(programme.treated.features);
  const parcels = programme.parcels.features.map((parcel): ParcelFeature => {
    const id = parcel.properties.id;
    const dates = (byParcel.get(id) ?? []).map((f) => f.properties.date);
    const status = statusAsOf(parcel.properties.status, reviews.get(id), dates, date);
    return status === parcel.properties.status ? parcel : { ...parcel, properties: { ...parcel.properties, status } };
  });

  const frozen = new Map<string, TreatedFeature[]>();
  for (const [parcelId, review] of reviews) {
    const accepted = frozenAt(review, end);
    if (accepted) frozen.set(parcelId, accepted);
  }
  const frozenIds = new Set([...frozen.values()].flat().map((f) => f.properties.id));
  const treated = programme.treated.features.filter((f) => f.properties.date <= date
    && !frozenIds.has(f.properties.id) && !(f.properties.parcel_id && frozen.has(f.properties.parcel_id)));
  for (const features of frozen.values()) treated.push(...features.filter((f) => f.properties.date <= date));
  treated.sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
  return { parcels: { type: 'FeatureCollection', features: parcels }, treated: { type: 'FeatureCollection', features: treated } };
}
