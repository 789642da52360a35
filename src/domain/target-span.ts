// The years of a target or stated total (model.ts YearSpan): one year or a period, compared,
// ordered and named the same way in the editor, the CSV files, the progress and the checks.
import type { YearSpan } from './model.ts';

/** Years a target table may name; anything outside is a slip of the keyboard (21, 20222), not a plan. */
const FIRST_YEAR = 1950;
const LAST_YEAR = 2200;

export const isTargetYear = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;

export const lastYear = (span: YearSpan): number => span.to_year ?? span.year;

/** The span in its one form: a single year carries no `to_year`, even if it was written 2022-2022. */
export function yearSpan(year: number, to_year?: number): YearSpan {
  return to_year !== undefined && to_year !== year ? { year, to_year } : { year };
}

/** "2022" or "2022-2023": keys, and the year column of the targets CSV. */
export const spanKey = (span: YearSpan): string => (lastYear(span) === span.year ? String(span.year) : `${span.year}-${lastYear(span)}`);

/** "2022" or "2022–2023", as headings and tables show it. */
export const spanLabel = (span: YearSpan): string => spanKey(span).replace('-', '–');

export const spanCovers = (span: YearSpan, year: number): boolean => year >= span.year && year <= lastYear(span);

export const spansOverlap = (a: YearSpan, b: YearSpan): boolean => a.year <= lastYear(b) && b.year <= lastYear(a);

/** Earlier start first; of two starting together, the shorter. */
export const compareSpans = (a: YearSpan, b: YearSpan): number => a.year - b.year || lastYear(a) - lastYear(b);

/** The distinct spans among some rows, in order, each in its one form. */
export function distinctSpans(spans: Iterable<YearSpan>): YearSpan[] {
  const byKey = new Map<string, YearSpan>();
  for (const s of spans) if (!byKey.has(spanKey(s))) byKey.set(spanKey(s), yearSpan(s.year, s.to_year));
  return [...byKey.values()].sort(compareSpans);
}
