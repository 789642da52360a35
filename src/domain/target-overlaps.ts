// Targets of the same township and group whose years overlap (a 2022 row beside a 2022–2023 row):
// the plan sets the same years' work twice, and which target holds is for whoever issued it to
// say. Reported like totals that disagree with their rows (target-consistency.ts), never merged.
import type { Target, TargetTable } from './model.ts';
import { compareSpans, spansOverlap } from './target-span.ts';

export interface TargetOverlap {
  /** The earlier (or shorter) of the two rows, then the other. */
  first: Target;
  second: Target;
}

export function targetOverlaps(table: TargetTable): TargetOverlap[] {
  const byScope = new Map<string, Target[]>();
  for (const row of table.rows) {
    const key = `${row.township_id}/${row.category_group}`;
    byScope.set(key, [...(byScope.get(key) ?? []), row]);
  }
  const found: TargetOverlap[] = [];
  for (const rows of byScope.values()) {
    const sorted = [...rows].sort(compareSpans);
    sorted.forEach((first, i) => {
      for (const second of sorted.slice(i + 1)) if (spansOverlap(first, second)) found.push({ first, second });
    });
  }
  return found;
}
