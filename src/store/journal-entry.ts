// The edit journal: what was changed, when and by whom, one entry per committed step (an edit,
// an undo or a redo). It is the audit trail a reviewer reads and what "edits not yet backed up"
// counts. Stored in IndexedDB and in backups.
import type { Edit } from './edit.ts';
import { editShapeProblems } from './edit-shape.ts';

export const JOURNAL_ACTIONS = ['edit', 'undo', 'redo'] as const;
export type JournalAction = (typeof JOURNAL_ACTIONS)[number];

export interface JournalEntry {
  /** Position in the database's journal, from 1; never reused. */
  seq: number;
  /** ISO 8601 date-time of the commit. */
  at: string;
  /** Who made the change, as the app identifies its user (a surveyor's name). */
  who: string;
  action: JournalAction;
  /** The edit as applied; for undo and redo, the inverse or re-applied edit. */
  edit: Edit;
}

/** Why a value read from a backup is not a journal entry, or null. */
export function journalEntryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const entry = value as Partial<Record<keyof JournalEntry, unknown>>;
  if (typeof entry.seq !== 'number' || !Number.isInteger(entry.seq) || entry.seq < 1) return `seq ${JSON.stringify(entry.seq)} is not a whole number ≥ 1`;
  if (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at))) return `time ${JSON.stringify(entry.at)} is not a date-time`;
  if (typeof entry.who !== 'string') return 'who is missing';
  if (!(JOURNAL_ACTIONS as readonly unknown[]).includes(entry.action)) return `action ${JSON.stringify(entry.action)} is not one of ${JOURNAL_ACTIONS.join(', ')}`;
  const problems = editShapeProblems(entry.edit);
  return problems.length > 0 ? problems.map((p) => p.reason).join('; ') : null;
}
