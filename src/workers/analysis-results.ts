// The analysis results as the page keeps them: the worker sends every parcel's figures once,
// after a load, and afterwards only the figures an edit changed, with the small rest (totals,
// issues, distances) whole each time.
import type { AnalysisResults, ParcelResult } from '../domain/analysis-types.ts';

export type ResultsSummary = Omit<AnalysisResults, 'parcels'>;

/** What the worker sends for `results`: all parcels, or only the recomputed ones. */
export function resultsMessage(results: AnalysisResults, recomputed: readonly string[], whole: boolean): { whole: boolean; parcels: ParcelResult[]; summary: ResultsSummary } {
  const { parcels, ...summary } = results;
  if (whole) return { whole, parcels, summary };
  const changed = new Set(recomputed);
  return { whole, parcels: parcels.filter((p) => changed.has(p.id)), summary };
}

/**
 * The results after a message: the message's own when whole; else the previous parcels with the
 * changed ones replaced in place (the order stays the programme's), and unchanged parcels' objects
 * kept, so views keyed on them need not redo their work.
 */
export function applyResults(previous: AnalysisResults | null, message: { whole: boolean; parcels: ParcelResult[]; summary: ResultsSummary }): AnalysisResults {
  if (message.whole || !previous) return { ...message.summary, parcels: message.parcels };
  const changed = new Map(message.parcels.map((p) => [p.id, p]));
  const parcels = changed.size === 0 ? previous.parcels : previous.parcels.map((p) => changed.get(p.id) ?? p);
  return { ...message.summary, parcels };
}
