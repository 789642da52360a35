// The reviewer's state shared by the Review tab, the overlays and the main map: the reviewer's
// name, the "as of" date, the open overlay (dashboard, a mine's file, the swipe), the dates and
// imagery compared, and the parcel and treated layers the map shows (current or as of the date).
import { useCallback, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { currentStatuses, withStatuses } from '../domain/current-statuses.ts';
import type { AreaGeometry, ParcelProperties, ParcelStatus, Programme, TreatedProperties } from '../domain/model.ts';
import { programmeAsOf } from '../domain/programme-as-of.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { CompareSide } from '../map/compare-maps.ts';
import { localIsoDate } from '../store/calendar-date.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import type { SwipeImageryState } from '../ui/SwipeImagery.tsx';
import { loadReviewSettings, saveReviewSettings } from './review-settings.ts';
import { useReviewImagery } from './use-review-imagery.ts';

export type ReviewOverlayState = { kind: 'dashboard' } | { kind: 'mine'; mineId: string } | { kind: 'swipe' } | null;

export interface ReviewState {
  reviewer: string;
  setReviewer: (name: string) => void;
  /** Who an acceptance step or a target edit is recorded as; '' until the reviewer is named. */
  who: string;
  asOf: string | null;
  setAsOf: (date: string | null) => void;
  overlay: ReviewOverlayState;
  setOverlay: (overlay: ReviewOverlayState) => void;
  compareDates: Record<CompareSide, string>;
  setCompareDate: (side: CompareSide, date: string) => void;
  imagery: SwipeImageryState;
  reviews: ReadonlyMap<string, ParcelReview>;
  statuses: ReadonlyMap<string, ParcelStatus>;
  /** What the main map shows. */
  parcels: FeatureCollection<AreaGeometry, ParcelProperties> | null;
  treated: FeatureCollection<AreaGeometry, TreatedProperties> | null;
}

const NO_REVIEWS: ReadonlyMap<string, ParcelReview> = new Map();

function firstTreatedYear(programme: Programme | null): number {
  const dates = programme?.treated.features.map((f) => f.properties.date).sort() ?? [];
  return Number((dates[0] ?? '2019').slice(0, 4));
}

export function useReview(programme: Programme | null, snapshot: FieldSnapshot | null): ReviewState {
  const [reviewer, setReviewerState] = useState(() => loadReviewSettings().reviewer);
  const setReviewer = useCallback((name: string) => {
    setReviewerState(name);
    saveReviewSettings({ reviewer: name });
  }, []);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<ReviewOverlayState>(null);
  const [compareDates, setCompareDates] = useState<Record<CompareSide, string> | null>(null);
  const imagery = useReviewImagery();

  const records = snapshot?.reviews;
  const reviews = useMemo(() => {
    if (!records || records.size === 0) return NO_REVIEWS;
    return new Map([...records].flatMap(([id, r]) => (r.review ? [[id, r.review] as const] : [])));
  }, [records]);
  const parcels = programme?.parcels ?? null;
  const treated = programme?.treated ?? null;
  const statuses = useMemo(() => (parcels && treated ? currentStatuses({ parcels, treated }, reviews) : new Map<string, ParcelStatus>()), [parcels, treated, reviews]);
  const shown = useMemo(() => {
    if (!parcels || !treated) return { parcels: null, treated: null };
    if (asOf) return programmeAsOf({ parcels, treated }, reviews, asOf);
    return { parcels: withStatuses(parcels, statuses), treated };
  }, [parcels, treated, reviews, statuses, asOf]);

  // Before: the start of the first year with treated work; after: today.
  const firstYear = firstTreatedYear(programme);
  const dates = useMemo(() => compareDates ?? { before: `${firstYear}-01-01`, after: localIsoDate(new Date()) }, [compareDates, firstYear]);
  const setCompareDate = useCallback((side: CompareSide, date: string) => {
    setCompareDates((old) => ({ ...(old ?? dates), [side]: date }));
  }, [dates]);

  return {
    reviewer, setReviewer, who: reviewer.trim(), asOf, setAsOf, overlay, setOverlay,
    compareDates: dates, setCompareDate, imagery, reviews, statuses, parcels: shown.parcels, treated: shown.treated,
  };
}
