// The parcel the survey tab's parcel actions work on: the selected one, or the selected treated
// polygon's, with its name and current status.
import { useMemo } from 'react';
import type { FeatureRef } from '../map/programme-map.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { parcelStatusNow } from '../store/review-edits.ts';

export function useSurveyParcel(snapshot: FieldSnapshot | null, selection: FeatureRef | null) {
  const parcelId = selection?.source === 'parcels' ? selection.id
    : selection?.source === 'treated' ? (snapshot?.treated.get(selection.id)?.feature?.properties.parcel_id ?? null) : null;
  return useMemo(() => {
    if (!snapshot || !parcelId) return null;
    const parcel = snapshot.programme.parcels.features.find((p) => p.properties.id === parcelId);
    const status = parcelStatusNow(snapshot, parcelId);
    return parcel && status ? { id: parcelId, name: parcel.properties.name, status } : null;
  }, [snapshot, parcelId]);
}
