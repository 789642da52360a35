// A newly drawn treated polygon with the attributes it starts with: the parcel it mostly covers
// (and that parcel's mine and restoration direction), today's date, the surveyor's last measure.
import type { Polygon } from 'geojson';
import type { Measure, Programme, TreatedFeature } from '../domain/model.ts';
import { suggestParcel } from '../domain/parcel-suggestion.ts';
import { localIsoDate } from '../store/calendar-date.ts';
import { newTreatedId } from '../store/new-id.ts';

export function newTreatedFeature(programme: Programme, shape: Polygon, surveyor: string, measure: Measure, now = new Date()): TreatedFeature {
  const parcel = suggestParcel(shape, programme.parcels.features);
  return {
    type: 'Feature',
    geometry: shape,
    properties: {
      id: newTreatedId(programme.id, now),
      parcel_id: parcel?.properties.id ?? null,
      mine_id: parcel?.properties.mine_id ?? null,
      date: localIsoDate(now),
      measure,
      direction: parcel?.properties.direction ?? 'natural',
      surveyor,
      note: '',
    },
  };
}

/**
 * "The treated polygon is the whole parcel": the parcel's own geometry, copied, attributed to it.
 * Null when the parcel is not in the programme.
 */
export function wholeParcelFeature(programme: Programme, parcelId: string, surveyor: string, measure: Measure, now = new Date()): TreatedFeature | null {
  const parcel = programme.parcels.features.find((p) => p.properties.id === parcelId);
  if (!parcel) return null;
  return {
    type: 'Feature',
    geometry: structuredClone(parcel.geometry),
    properties: {
      id: newTreatedId(programme.id, now),
      parcel_id: parcel.properties.id,
      mine_id: parcel.properties.mine_id,
      date: localIsoDate(now),
      measure,
      direction: parcel.properties.direction,
      surveyor,
      note: '',
    },
  };
}
