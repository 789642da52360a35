// What deriving a new programme from the user's files found worth saying, one entry per item
// (a parcel, a table row, a mine); the summary groups them by kind with counts.
export const WIZARD_PROBLEM_KINDS = [
  'mine_name_missing', 'parcel_without_mine', 'mine_row_unmatched', 'mine_row_duplicate', 'mine_row_no_id',
  'category_defaulted', 'category_mixed', 'category_unreadable', 'township_missing', 'targets_unreadable',
] as const;
export type WizardProblemKind = (typeof WIZARD_PROBLEM_KINDS)[number];

export interface WizardProblem {
  kind: WizardProblemKind;
  severity: 'error' | 'notice';
  /** The parcel id, mine name or table line it is about; for targets, the reader's reason. */
  item: string;
}
