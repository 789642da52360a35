// Progress against the programme's targets: treated area against the target per year or period,
// target group and township, how much of the treated area is accepted, and the treatment rate
// (treated / area to treat, DOMAIN.md). Treated area is the analysis engine's: inside parcels,
// overlaps counted once and given to the earliest year; a period's is that of the years it
// covers; treated area whose polygon has no readable date is in the totals and in a year-unknown
// row of its own, in no span. Areas stay in m² until shown; targets stay in 亩 as the plan writes them.
import { UNKNOWN_YEAR, type ParcelResult } from './analysis-types.ts';
import { TARGET_CATEGORY_GROUPS, type Mine, type ParcelStatus, type TargetCategoryGroup, type TargetTable, type YearSpan } from './model.ts';
import { targetGroup } from './target-group.ts';
import { compareSpans, lastYear, spanCovers, spanKey, yearSpan } from './target-span.ts';

export interface ProgressFigures {
  target_mu: number;
  /** Area of the parcels (the area to treat); 0 in per-year figures, where it has no meaning. */
  area_m2: number;
  treated_m2: number;
  /** Treated area in parcels whose work is accepted (accepted or closed). */
  accepted_m2: number;
}

export interface SpanProgress extends ProgressFigures, YearSpan {
  /**
   * From the first year to the end of this span: the targets due by then (rows whose span ends by
   * then) and everything treated by then. Right even where townships plan in different spans.
   */
  cumulative: ProgressFigures;
}

export interface ProgressCell extends ProgressFigures, YearSpan {
  township_id: string;
  group: TargetCategoryGroup;
}

/** Treated area from polygons with no readable date (UNKNOWN_YEAR): no target can be set for it. */
export interface UnknownYearProgress extends ProgressFigures {
  /** Everything: every target and everything treated, dated or not. */
  cumulative: ProgressFigures;
  /** Per township and group, for the detailed table. */
  cells: (ProgressFigures & { township_id: string; group: TargetCategoryGroup })[];
}

export interface TargetProgress {
  /** The spans of the targets, and the years with treated work that no target covers, in order. */
  spans: SpanProgress[];
  /** After the spans; null when no parcel has treated area of unknown year. */
  unknown_year: UnknownYearProgress | null;
  /** In the order of the programme's townships. */
  townships: (ProgressFigures & { township_id: string })[];
  groups: (ProgressFigures & { group: TargetCategoryGroup })[];
  /** Span × township × group, for the table and its CSV. */
  cells: ProgressCell[];
  total: ProgressFigures & { parcels: number; accepted_parcels: number };
}

/** What progress needs of a parcel's analysis figures (current, or as of a date). */
export type ParcelProgressFigures = Pick<ParcelResult, 'id' | 'mine_id' | 'area_m2' | 'treated_m2' | 'treated_by_year'>;

export interface ProgressInput {
  targets: TargetTable;
  townships: readonly { id: string }[];
  mines: readonly Mine[];
  parcels: readonly ParcelProgressFigures[];
  /** Each parcel's status (domain/current-statuses.ts, or as of a date). */
  statuses: ReadonlyMap<string, ParcelStatus>;
}

const zero = (): ProgressFigures => ({ target_mu: 0, area_m2: 0, treated_m2: 0, accepted_m2: 0 });
const isAccepted = (status: ParcelStatus | undefined): boolean => status === 'accepted' || status === 'closed';

function add(to: ProgressFigures, from: Partial<ProgressFigures>): void {
  to.target_mu += from.target_mu ?? 0;
  to.area_m2 += from.area_m2 ?? 0;
  to.treated_m2 += from.treated_m2 ?? 0;
  to.accepted_m2 += from.accepted_m2 ?? 0;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let found = map.get(key);
  if (found === undefined) map.set(key, (found = make()));
  return found;
}

function unknownYear(
  cells: ReadonlyMap<string, UnknownYearProgress['cells'][number]>, townships: readonly string[],
  targets: TargetTable['rows'], byYear: ReadonlyMap<number, ProgressFigures>,
): UnknownYearProgress | null {
  if (cells.size === 0) return null;
  const sorted = [...cells.values()].sort((a, b) => townships.indexOf(a.township_id) - townships.indexOf(b.township_id)
    || TARGET_CATEGORY_GROUPS.indexOf(a.group) - TARGET_CATEGORY_GROUPS.indexOf(b.group));
  const figures = zero();
  for (const c of sorted) add(figures, c);
  const cumulative = zero();
  for (const row of targets) cumulative.target_mu += row.target_mu;
  for (const f of [...byYear.values(), figures]) add(cumulative, { treated_m2: f.treated_m2, accepted_m2: f.accepted_m2 });
  return { ...figures, cumulative, cells: sorted };
}

export function targetProgress(input: ProgressInput): TargetProgress {
  const mines = new Map(input.mines.map((m) => [m.id, m]));
  const cells = new Map<string, ProgressCell>();
  const cell = (span: YearSpan, township_id: string, group: TargetCategoryGroup): ProgressCell =>
    entry(cells, `${spanKey(span)}/${township_id}/${group}`, () => ({ ...yearSpan(span.year, span.to_year), township_id, group, ...zero() }));
  const townships = new Map<string, ProgressFigures>(input.townships.map((t) => [t.id, zero()]));
  const groups = new Map<TargetCategoryGroup, ProgressFigures>(TARGET_CATEGORY_GROUPS.map((g) => [g, zero()]));
  const total = { ...zero(), parcels: 0, accepted_parcels: 0 };
  /** Each township and group's target spans: its treated work goes to the spans covering its year. */
  const spansOf = new Map<string, YearSpan[]>();
  /** Treated and accepted per year over all townships, for the cumulative figures. */
  const byYear = new Map<number, ProgressFigures>();
  const unknownCells = new Map<string, ProgressFigures & { township_id: string; group: TargetCategoryGroup }>();

  for (const row of input.targets.rows) {
    add(cell(row, row.township_id, row.category_group), { target_mu: row.target_mu });
    add(entry(townships, row.township_id, zero), { target_mu: row.target_mu });
    add(groups.get(row.category_group)!, { target_mu: row.target_mu });
    total.target_mu += row.target_mu;
    entry(spansOf, `${row.township_id}/${row.category_group}`, () => []).push(row);
  }
  for (const parcel of input.parcels) {
    const mine = parcel.mine_id ? mines.get(parcel.mine_id) : undefined;
    // A parcel whose mine is unknown has no township or group; it still counts in the totals.
    const accepted = isAccepted(input.statuses.get(parcel.id));
    const figures = { area_m2: parcel.area_m2, treated_m2: parcel.treated_m2, accepted_m2: accepted ? parcel.treated_m2 : 0 };
    add(total, figures);
    total.parcels += 1;
    if (accepted) total.accepted_parcels += 1;
    if (!mine) continue;
    const group = targetGroup(mine.category);
    add(entry(townships, mine.township_id, zero), figures);
    add(groups.get(group)!, figures);
    const spans = spansOf.get(`${mine.township_id}/${group}`) ?? [];
    for (const [text, m2] of Object.entries(parcel.treated_by_year)) {
      const treated = { treated_m2: m2, accepted_m2: accepted ? m2 : 0 };
      if (text === UNKNOWN_YEAR) {
        add(entry(unknownCells, `${mine.township_id}/${group}`, () => ({ township_id: mine.township_id, group, ...zero() })), treated);
        continue;
      }
      const year = Number(text);
      add(entry(byYear, year, zero), treated);
      // Overlapping spans (flagged by target-overlaps.ts) each get the year, as each was planned.
      const covering = spans.filter((s) => spanCovers(s, year));
      for (const span of covering.length > 0 ? covering : [{ year }]) add(cell(span, mine.township_id, group), treated);
    }
  }

  const order = [...townships.keys()];
  const sortedCells = [...cells.values()].sort((a, b) => compareSpans(a, b)
    || order.indexOf(a.township_id) - order.indexOf(b.township_id)
    || TARGET_CATEGORY_GROUPS.indexOf(a.group) - TARGET_CATEGORY_GROUPS.indexOf(b.group));
  const bySpan = new Map<string, SpanProgress>();
  for (const c of sortedCells) {
    add(entry(bySpan, spanKey(c), () => ({ ...yearSpan(c.year, c.to_year), ...zero(), cumulative: zero() })), c);
  }
  const spans = [...bySpan.values()];
  for (const span of spans) {
    const end = lastYear(span);
    for (const row of input.targets.rows) if (lastYear(row) <= end) span.cumulative.target_mu += row.target_mu;
    for (const [year, figures] of byYear) if (year <= end) add(span.cumulative, figures);
  }
  return {
    spans,
    unknown_year: unknownYear(unknownCells, order, input.targets.rows, byYear),
    townships: [...townships.entries()].map(([township_id, f]) => ({ township_id, ...f })),
    groups: [...groups.entries()].map(([group, f]) => ({ group, ...f })),
    cells: sortedCells,
    total,
  };
}
