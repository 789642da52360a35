// What the wizard shows before it creates a programme: how many of each thing, where it lies,
// and the problems grouped by kind (one line with a count, not one per feature).
import type { Bounds } from '../../domain/feature-bounds.ts';
import { ZONE_TYPES, type ZoneType } from '../../domain/model.ts';
import type { ImportProblem } from '../import-types.ts';
import type { WizardProblem } from './wizard-problem.ts';

export interface ProblemGroup {
  /** A WizardProblemKind, or the import problem code of a file read on the way. */
  kind: string;
  severity: 'error' | 'notice';
  count: number;
  /** The first few items (parcel ids, mine names, table lines) it concerns. */
  examples: string[];
}

export interface ProgrammeSummary {
  parcels: number;
  mines: number;
  townships: number;
  zones: Record<ZoneType, number>;
  targets: number;
  statedTotals: number;
  bbox: Bounds | null;
  problems: ProblemGroup[];
}

const EXAMPLES = 5;

/** Errors before notices, then the most frequent first. */
export function groupProblems(problems: readonly (WizardProblem | ImportProblem)[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const kind = 'kind' in p ? p.kind : p.code;
    const item = 'item' in p ? p.item : (p.featureId ?? p.reason);
    const key = `${p.severity}/${kind}`;
    const group = groups.get(key) ?? { kind, severity: p.severity, count: 0, examples: [] };
    group.count++;
    if (group.examples.length < EXAMPLES) group.examples.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}

export function countZones(zoneTypes: readonly ZoneType[]): Record<ZoneType, number> {
  const out = Object.fromEntries(ZONE_TYPES.map((t) => [t, 0])) as Record<ZoneType, number>;
  for (const t of zoneTypes) out[t]++;
  return out;
}
