// An import's problems as a reader takes them in: one group per kind of problem (459 points that
// cannot be parcels are one line, not 459), notices before errors so that the few that need a
// look are not buried under the many that only explain what is skipped.
import type { ImportProblem, ImportProblemCode, ProblemParams, ProblemSeverity } from './import-types.ts';

/** The params that make two problems of one code different kinds (a Point and a LineString). */
const KIND_PARAMS: Partial<Record<ImportProblemCode, readonly string[]>> = {
  wrong_type: ['geometry', 'layer'],
  missing_value: ['field'],
  unmapped_value: ['field'],
  invalid_date: ['field'],
};

export interface ProblemGroup {
  severity: ProblemSeverity;
  code: ImportProblemCode;
  /** Whether the problems are about the whole file rather than single features. */
  file: boolean;
  /** The params the group's problems share (KIND_PARAMS); a file problem keeps all of its own. */
  params: ProblemParams;
  problems: ImportProblem[];
}

function kindOf(problem: ImportProblem): { key: string; params: ProblemParams } {
  const file = problem.featureIndex === null;
  const names = file ? Object.keys(problem.params ?? {}) : KIND_PARAMS[problem.code] ?? [];
  const params = Object.fromEntries(names.flatMap((n) => (problem.params && n in problem.params ? [[n, problem.params[n]!]] : [])));
  // Each file problem is its own line: two of them are never "the same" in a way worth counting.
  const key = file ? `file:${problem.severity}:${problem.code}:${JSON.stringify(params)}:${problem.reason}` : `${problem.severity}:${problem.code}:${JSON.stringify(params)}`;
  return { key, params };
}

/** Notices first, then errors; within each, in the order their first problem was found. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const { key, params } = kindOf(problem);
    let group = groups.get(key);
    if (!group) {
      group = { severity: problem.severity, code: problem.code, file: problem.featureIndex === null, params, problems: [] };
      groups.set(key, group);
    }
    group.problems.push(problem);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.severity === 'notice'), ...all.filter((g) => g.severity === 'error')];
}
