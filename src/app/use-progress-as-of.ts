// What the dashboard's figures rest on, now or as of a date: each parcel's area and treated area,
// and each parcel's status. As of a date D it is the programme as it stood at the end of D
// (domain/programme-as-of.ts: polygons done by then, accepted ones as accepted), measured by the
// analysis worker without touching the loaded programme, with the statuses of that day.
import { useEffect, useMemo, useState } from 'react';
import type { AnalysisResults, ParcelTreated } from '../domain/analysis-types.ts';
import type { ParcelStatus, Programme, TreatedFeature } from '../domain/model.ts';
import { parcelsWithTreated } from '../domain/parcels-with-treated.ts';
import { programmeAsOf } from '../domain/programme-as-of.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { ParcelProgressFigures } from '../domain/target-progress.ts';

export interface ProgressBasis {
  /** Null until the figures for the chosen date (or the analysis) are in. */
  parcels: readonly ParcelProgressFigures[] | null;
  statuses: ReadonlyMap<string, ParcelStatus>;
  /** The worker is measuring the programme as of the date. */
  computing: boolean;
  /** The worker could not measure it. */
  failed: boolean;
}

type Answer = { treated: readonly TreatedFeature[]; parcels: ParcelTreated[] | null };

export function useProgressAsOf(
  date: string,
  programme: Pick<Programme, 'parcels' | 'treated'>,
  reviews: ReadonlyMap<string, ParcelReview>,
  current: { results: AnalysisResults | null; statuses: ReadonlyMap<string, ParcelStatus> },
  treatedAsOf: (treated: readonly TreatedFeature[]) => Promise<ParcelTreated[] | null>,
): ProgressBasis {
  const { parcels, treated } = programme;
  const asOf = useMemo(() => (date ? programmeAsOf({ parcels, treated }, reviews, date) : null), [date, parcels, treated, reviews]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!asOf) return;
    let wanted = true;
    void treatedAsOf(asOf.treated.features).then((figures) => {
      if (wanted) setAnswer({ treated: asOf.treated.features, parcels: figures });
    });
    return () => { wanted = false; };
  }, [asOf, treatedAsOf]);
  const statusesThen = useMemo(() => (asOf ? new Map(asOf.parcels.features.map((f) => [f.properties.id, f.properties.status])) : null), [asOf]);

  const results = current.results;
  const answered = asOf !== null && answer?.treated === asOf.treated.features ? answer.parcels : undefined;
  const parcelsThen = useMemo(() => (results && answered ? parcelsWithTreated(results.parcels, answered) : null), [results, answered]);

  if (!asOf || !statusesThen) return { parcels: results?.parcels ?? null, statuses: current.statuses, computing: false, failed: false };
  return { parcels: parcelsThen, statuses: statusesThen, computing: answered === undefined, failed: answered === null };
}
