// The programme over a period (本期), for the reviewer: the map as it stood at the end of the
// period, with the treated polygons done within it told apart from earlier work, and what the
// period brought: polygons treated (and their area) and acceptance decisions taken.
import type { FeatureCollection } from 'geojson';
import { ellipsoidalArea } from './ellipsoidal-area.ts';
import type { AreaGeometry, Programme, TreatedProperties } from './model.ts';
import { endOfDay } from './parcel-status.ts';
import { programmeAsOf, type ProgrammeAsOf } from './programme-as-of.ts';
import type { ParcelReview } from './review.ts';

export interface PeriodSummary {
  /** Treated polygons dated within the period, as they stood at its end. */
  treated: number;
  /** Their areas added up (ellipsoidal); overlaps between them count twice, as on the survey sheets. */
  treated_m2: number;
  /** Parcels accepted, sent back and closed by a step taken within the period. */
  accepted: number;
  sent_back: number;
  closed: number;
}

export interface ProgrammeInPeriod extends ProgrammeAsOf {
  /** Treated polygons carry `in_period`: done within the period, or earlier. */
  treated: FeatureCollection<AreaGeometry, TreatedProperties & { in_period: boolean }>;
  summary: PeriodSummary;
}

/** `from` and `to` are yyyy-mm-dd, both days included; `from` after `to` is the caller's to refuse. */
export function programmeInPeriod(programme: Pick<Programme, 'parcels' | 'treated'>, reviews: ReadonlyMap<string, ParcelReview>, from: string, to: string): ProgrammeInPeriod {
  const asOf = programmeAsOf(programme, reviews, to);
  const treated = asOf.treated.features.map((f) => ({ ...f, properties: { ...f.properties, in_period: f.properties.date >= from } }));
  const inPeriod = treated.filter((f) => f.properties.in_period);

  const start = new Date(`${from}T00:00:00`).getTime();
  const end = endOfDay(to);
  const decided = { accept: new Set<string>(), send_back: new Set<string>(), close: new Set<string>() };
  for (const [parcelId, review] of reviews) {
    for (const event of review.events) {
      const at = Date.parse(event.at);
      if (at < start || at > end) continue;
      if (event.action === 'accept' || event.action === 'send_back' || event.action === 'close') decided[event.action].add(parcelId);
    }
  }
  return {
    parcels: asOf.parcels,
    treated: { type: 'FeatureCollection', features: treated },
    summary: {
      treated: inPeriod.length,
      treated_m2: inPeriod.reduce((sum, f) => sum + ellipsoidalArea(f.geometry), 0),
      accepted: decided.accept.size,
      sent_back: decided.send_back.size,
      closed: decided.close.size,
    },
  };
}
