// Progress against the programme's targets: treated area against the target per year, target
// group and township, how much of the treated area is accepted, and the treatment rate
// (treated / area to treat, DOMAIN.md). Treated area is the analysis engine's: inside parcels,
// overlaps counted once and given to the earliest year. Areas stay in m² until shown; targets
// stay in 亩 as the plan writes them.
import type { ParcelResult } from './analysis-types.ts';
import { TARGET_CATEGORY_GROUPS, type Mine, type ParcelStatus, type TargetCategoryGroup, type TargetTable } from './model.ts';
import { targetGroup } from './target-group.ts';

export interface ProgressFigures {
  target_mu: number;
  /** Area of the parcels (the area to treat); 0 in per-year figures, where it has no meaning. */
  area_m2: number;
  treated_m2: number;
  /** Treated area in parcels whose work is accepted (accepted or closed). */
  accepted_m2: number;
}

export interface YearProgress extends ProgressFigures {
  year: number;
  /** From the first year up to this one. */
  cumulative: ProgressFigures;
}

export interface ProgressCell extends ProgressFigures {
  year: number;
  township_id: string;
  group: TargetCategoryGroup;
}

export interface TargetProgress {
  years: YearProgress[];
  /** In the order of the programme's townships. */
  townships: (ProgressFigures & { township_id: string })[];
  groups: (ProgressFigures & { group: TargetCategoryGroup })[];
  /** Year × township × group, for the table and its CSV. */
  cells: ProgressCell[];
  total: ProgressFigures & { parcels: number; accepted_parcels: number };
}

export interface ProgressInput {
  targets: TargetTable;
  townships: readonly { id: string }[];
  mines: readonly Mine[];
  parcels: readonly ParcelResult[];
  /** Each parcel's current status (domain/current-statuses.ts). */
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

export function targetProgress(input: ProgressInput): TargetProgress {
  const mines = new Map(input.mines.map((m) => [m.id, m]));
  const cells = new Map<string, ProgressCell>();
  const cell = (year: number, township_id: string, group: TargetCategoryGroup): ProgressCell => {
    const key = `${year}/${township_id}/${group}`;
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { year, township_id, group, ...zero() }));
    return found;
  };
  const townships = new Map<string, ProgressFigures>(input.townships.map((t) => [t.id, zero()]));
  const groups = new Map<TargetCategoryGroup, ProgressFigures>(TARGET_CATEGORY_GROUPS.map((g) => [g, zero()]));
  const total = { ...zero(), parcels: 0, accepted_parcels: 0 };

  for (const row of input.targets.rows) {
    add(cell(row.year, row.township_id, row.category_group), { target_mu: row.target_mu });
    add(townships.get(row.township_id) ?? townships.set(row.township_id, zero()).get(row.township_id)!, { target_mu: row.target_mu });
    add(groups.get(row.category_group)!, { target_mu: row.target_mu });
    total.target_mu += row.target_mu;
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
    add(townships.get(mine.township_id) ?? townships.set(mine.township_id, zero()).get(mine.township_id)!, figures);
    add(groups.get(group)!, figures);
    for (const [year, m2] of Object.entries(parcel.treated_by_year)) {
      add(cell(Number(year), mine.township_id, group), { treated_m2: m2, accepted_m2: accepted ? m2 : 0 });
    }
  }

  const sortedCells = [...cells.values()].sort((a, b) => a.year - b.year
    || [...townships.keys()].indexOf(a.township_id) - [...townships.keys()].indexOf(b.township_id)
    || TARGET_CATEGORY_GROUPS.indexOf(a.group) - TARGET_CATEGORY_GROUPS.indexOf(b.group));
  const byYear = new Map<number, ProgressFigures>();
  for (const c of sortedCells) add(byYear.get(c.year) ?? byYear.set(c.year, zero()).get(c.year)!, c);
  const cumulative = zero();
  const years = [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, figures]): YearProgress => {
    add(cumulative, figures);
    return { year, ...figures, cumulative: { ...cumulative } };
  });
  return {
    years,
    townships: [...townships.entries()].map(([township_id, f]) => ({ township_id, ...f })),
    groups: [...groups.entries()].map(([group, f]) => ({ group, ...f })),
    cells: sortedCells,
    total,
  };
}
