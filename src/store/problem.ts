// One thing wrong with an edit or a backup, in the shape forms need: which field, a stable code
// the UI can translate, and a reason in English that names the offending value.
export interface Problem {
  /** The attribute or part at fault: 'date', 'surveyor', 'geometry', 'photo', 'edit'… */
  field: string;
  code: string;
  reason: string;
  /** The values a translation of `code` needs (an id, a version), when the UI translates it. */
  params?: Readonly<Record<string, string | number>>;
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => p.reason).join('; ');
}

/** Ends a reason with exactly one full stop, however it was composed. */
export function asSentence(text: string): string {
  return `${text.replace(/[.\s]+$/, '')}.`;
}
