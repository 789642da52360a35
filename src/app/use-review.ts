// The reviewer's state shared by the Review tab, the overlays and the main map: the reviewer's
// name, the "as of" date or period, the open overlay (dashboard, a mine's file, the swipe), the
// dates and imagery compared, and the parcel and treated layers the map shows (current, as of the
// date, or over the period).
import { useCallback, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { currentStatuses, withStatuses } from '../domain/current-statuses.ts';
import type { AreaGeometry, ParcelProperties, ParcelStatus, Programme, TreatedProperties } from '../domain/model.ts';
import { programmeAsOf, type ProgrammeAsOf } from '../domain/programme-as-of.ts';
import { programmeInPeriod, type PeriodSummary } from '../domain/programme-in-period.ts';
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
  /** With `asOf`, the first day of a period ending on it (本期); null for a single date. */
  periodFrom: string | null;
  setPeriodFrom: (date: string | null) => void;
  /** What the period brought, when a valid period is shown. */
  periodSummary: PeriodSummary | null;
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

function firstTreatedYear(treated: FeatureCollection<AreaGeometry, TreatedProperties> | null): number {
  let first = '2019';
  let any = false;
  for (const f of treated?.features ?? []) {
    if (!any || f.properties.date < first) first = f.properties.date;
    any = true;
  }
  return Number(first.slice(0, 4));
}

export function useReview(programme: Programme | null, snapshot: FieldSnapshot | null): ReviewState {
  const [reviewer, setReviewerState] = useState(() => loadReviewSettings().reviewer);
  const setReviewer = useCallback((name: string) => {
    setReviewerState(name);
    saveReviewSettings({ reviewer: name });
  }, []);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [periodFrom, setPeriodFrom] = useState<string | null>(null);
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
  const shown = useMemo((): ProgrammeAsOf & { summary?: PeriodSummary } | { parcels: null; treated: null } => {
    if (!parcels || !treated) return { parcels: null, treated: null };
    if (asOf && periodFrom && periodFrom <= asOf) return programmeInPeriod({ parcels, treated }, reviews, periodFrom, asOf);
    if (asOf) return programmeAsOf({ parcels, treated }, reviews, asOf);
    return { parcels: withStatuses(parcels, statuses), treated };
  }, [parcels, treated, reviews, statuses, asOf, periodFrom]);

  // Before: the start of the first year with treated work; after: today.
  const firstYear = useMemo(() => firstTreatedYear(treated), [treated]);
  const dates = useMemo(() => compareDates ?? { before: `${firstYear}-01-01`, after: localIsoDate(new Date()) }, [compareDates, firstYear]);
  const setCompareDate = useCallback((side: CompareSide, date: string) => {
    setCompareDates((old) => ({ ...(old ?? dates), [side]: date }));
  }, [dates]);

  return {
    reviewer, setReviewer, who: reviewer.trim(), asOf, setAsOf, periodFrom, setPeriodFrom, periodSummary: ('summary' in shown && shown.summary) || null, overlay, setOverlay,
    compareDates: dates, setCompareDate, imagery, reviews, statuses, parcels: shown.parcels, treated: shown.treated,
  };
}
