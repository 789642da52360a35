// Checks a target table before it is stored (edited in the dashboard or imported from CSV):
// known townships and target groups, whole years or periods that end after they begin,
// non-negative 亩, one row per township, group and span. Stated totals and overlapping spans are
// checked for form only: disagreeing with the rows is allowed (and flagged elsewhere), because
// real plans do.
import { TARGET_CATEGORY_GROUPS } from '../domain/model.ts';
import { isTargetYear as isYear, spanKey } from '../domain/target-span.ts';
import type { Problem } from './problem.ts';

type Fields = Partial<Record<string, unknown>>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isMu = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e9;
const MAX_ROWS = 10_000;

export function targetTableProblems(value: unknown, townships: ReadonlySet<string>): Problem[] {
  const reasons: string[] = [];
  if (!isObject(value)) return [{ field: 'targets', code: 'invalid_targets', reason: 'the target table is not an object' }];
  const { rows, stated_totals: totals, source } = value;
  if (typeof source !== 'string' || source.length > 2000) reasons.push('the target table names no source');
  if (!Array.isArray(rows) || rows.length > MAX_ROWS) reasons.push(`the targets are not a list of at most ${MAX_ROWS} rows`);
  else {
    const seen = new Set<string>();
    rows.forEach((row: unknown, i) => {
      const where = `target row ${i + 1}`;
      if (!isObject(row)) return void reasons.push(`${where} is not an object`);
      if (typeof row['township_id'] !== 'string' || !townships.has(row['township_id'])) reasons.push(`${where}: township ${JSON.stringify(row['township_id'])} is not in this programme`);
      if (!(TARGET_CATEGORY_GROUPS as readonly unknown[]).includes(row['category_group'])) reasons.push(`${where}: group ${JSON.stringify(row['category_group'])} is not one of ${TARGET_CATEGORY_GROUPS.join(', ')}`);
      const year = row['year'];
      const last = row['to_year'] === undefined ? year : row['to_year'];
      if (!isYear(year)) reasons.push(`${where}: year ${JSON.stringify(year)} is not a year`);
      else if (!isYear(last) || last < year) reasons.push(`${where}: the period's last year ${JSON.stringify(last)} is not a year from ${year} on`);
      if (!isMu(row['target_mu'])) reasons.push(`${where}: target ${JSON.stringify(row['target_mu'])} is not an area in 亩 ≥ 0`);
      if (!isYear(year) || !isYear(last)) return;
      const key = `${String(row['township_id'])}/${String(row['category_group'])}/${spanKey({ year, to_year: last })}`;
      if (seen.has(key)) reasons.push(`${where}: a second target for ${key.replaceAll('/', ', ')}`);
      seen.add(key);
    });
  }
  if (!Array.isArray(totals)) reasons.push('the stated totals are not a list');
  else {
    totals.forEach((total: unknown, i) => {
      const where = `stated total ${i + 1}`;
      if (!isObject(total) || !isYear(total['year']) || !isMu(total['target_mu'])) return void reasons.push(`${where} has no year or no area in 亩`);
      if (total['to_year'] !== undefined && (!isYear(total['to_year']) || total['to_year'] < total['year'])) reasons.push(`${where}: the period ends before it begins`);
      if (total['township_id'] !== undefined && (typeof total['township_id'] !== 'string' || !townships.has(total['township_id']))) reasons.push(`${where}: township ${JSON.stringify(total['township_id'])} is not in this programme`);
      if (total['category_group'] !== undefined && !(TARGET_CATEGORY_GROUPS as readonly unknown[]).includes(total['category_group'])) reasons.push(`${where}: group ${JSON.stringify(total['category_group'])} is unknown`);
    });
  }
  return reasons.map((reason) => ({ field: 'targets', code: 'invalid_targets', reason }));
}
