// What attribute validation needs to know about the programme: which parcels and mines exist,
// which mine each parcel belongs to, and today's date.
import type { ParcelStatus, Programme } from '../domain/model.ts';
import { localIsoDate } from './calendar-date.ts';

export interface ReferenceContext {
  /** Local calendar date, yyyy-mm-dd; treatment dates after it are refused. */
  today: string;
  /** parcel id → the id of the mine it belongs to. */
  parcelMine: ReadonlyMap<string, string>;
  mineIds: ReadonlySet<string>;
  /** parcel id → its status as the programme records it (before any acceptance step in Fulv). */
  parcelStatus?: ReadonlyMap<string, ParcelStatus>;
  /** The programme's township ids, which targets must name. */
  townshipIds?: ReadonlySet<string>;
}

export function referenceContext(programme: Pick<Programme, 'parcels' | 'mines'> & Partial<Pick<Programme, 'townships'>>, now: Date): ReferenceContext {
  return {
    today: localIsoDate(now),
    parcelMine: new Map(programme.parcels.features.map((f) => [f.properties.id, f.properties.mine_id])),
    mineIds: new Set(programme.mines.map((m) => m.id)),
    parcelStatus: new Map(programme.parcels.features.map((f) => [f.properties.id, f.properties.status])),
    townshipIds: new Set((programme.townships ?? []).map((t) => t.id)),
  };
}
