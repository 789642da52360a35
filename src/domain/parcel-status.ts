// A parcel's status now and as of a past date. The programme's data gives each parcel a status
// without a date; acceptance steps (domain/review.ts) carry their time; treated polygons carry the
// date the work was done. Together they tell how the programme stood on any day.
import type { ParcelStatus, TreatedFeature } from './model.ts';
import type { ParcelReview } from './review.ts';

/**
 * The status now: the last acceptance step's, if any; else the programme's, except that a parcel
 * recorded as untreated is in progress as soon as treated work is attributed to it.
 */
export function currentStatus(recorded: ParcelStatus, review: ParcelReview | undefined, treatedCount: number): ParcelStatus {
  if (review) return review.status;
  return recorded === 'untreated' && treatedCount > 0 ? 'in_progress' : recorded;
}

/** The local end of a calendar day (yyyy-mm-dd), as a time. */
export function endOfDay(date: string): number {
  return new Date(`${date}T23:59:59.999`).getTime();
}

/**
 * The status at the end of `date`. Acceptance steps up to then decide it; before the first step,
 * the treated polygons' dates do: none done yet → untreated, some → in progress, all → the
 * status before any acceptance step (the programme's record, whose own date is unknown).
 */
export function statusAsOf(recorded: ParcelStatus, review: ParcelReview | undefined, treatedDates: readonly string[], date: string): ParcelStatus {
  const end = endOfDay(date);
  const done = review?.events.filter((e) => Date.parse(e.at) <= end) ?? [];
  const last = done[done.length - 1];
  if (last) return last.status;
  const finished = treatedDates.filter((d) => d <= date).length;
  if (finished === 0) return 'untreated';
  if (finished < treatedDates.length) return 'in_progress';
  return currentStatus(recorded, undefined, treatedDates.length);
}

/** Treated polygons by the parcel they are attributed to (the surveyor's `parcel_id`). */
export function treatedByParcel(treated: readonly TreatedFeature[]): Map<string, TreatedFeature[]> {
  const groups = new Map<string, TreatedFeature[]>();
  for (const feature of treated) {
    const id = feature.properties.parcel_id;
    if (!id) continue;
    const group = groups.get(id) ?? [];
    group.push(feature);
    groups.set(id, group);
  }
  return groups;
}
