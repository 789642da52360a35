// Totals a plan states that disagree with its own rows (seed 001: "2020年底…治理面积404亩" while
// its 2019 and 2020 rows add up to 274). They are reported, never corrected: the reviewer reads
// the plan as written and takes the question back to whoever issued it.
import type { StatedTotal, TargetTable } from './model.ts';
import { lastYear } from './target-span.ts';

export interface TargetInconsistency {
  total: StatedTotal;
  /** The rows' sum for the same years (rows of periods reaching outside them left out), township and group. */
  rows_mu: number;
  /** How many rows the total covers; 0 means the plan states a total for which it has no rows. */
  rows: number;
  /** Stated minus the rows' sum. */
  difference_mu: number;
}

/** Plans write 亩 to one decimal at most; anything closer is rounding, not disagreement. */
export const TOLERANCE_MU = 0.05;

/** Sums in thousandths of a 亩, so that 40.4 + 41.6 is 82 and not 81.99999999999999. */
const thousandths = (mu: number): number => Math.round(mu * 1000);

/** The rows whose years lie wholly within the total's (a 2024–2025 row within 2022–2025). */
export function coveredRows(table: TargetTable, total: StatedTotal): TargetTable['rows'] {
  const last = lastYear(total);
  return table.rows.filter((r) => r.year >= total.year && lastYear(r) <= last
    && (total.township_id === undefined || r.township_id === total.township_id)
    && (total.category_group === undefined || r.category_group === total.category_group));
}

export function targetInconsistencies(table: TargetTable): TargetInconsistency[] {
  const found: TargetInconsistency[] = [];
  for (const total of table.stated_totals) {
    const rows = coveredRows(table, total);
    const sum = rows.reduce((s, r) => s + thousandths(r.target_mu), 0);
    const difference = thousandths(total.target_mu) - sum;
    if (rows.length === 0 || Math.abs(difference) > thousandths(TOLERANCE_MU)) {
      found.push({ total, rows_mu: sum / 1000, rows: rows.length, difference_mu: difference / 1000 });
    }
  }
  return found;
}
