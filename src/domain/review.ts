// Acceptance (验收) of a parcel's treated work: the status flow of ../shared/DOMAIN.md with who,
// when and why for every step. Stored in IndexedDB and journals, so renaming an action or a field
// is a data migration, not a refactor.
import type { ParcelStatus, TreatedFeature } from './model.ts';

/**
 * `submit`: the work is finished and offered for acceptance (治理完成，申请验收);
 * `accept` / `send_back`: the reviewer's decision (验收通过 / 验收不通过，退回整改);
 * `close`: the case is closed (一案一销, 销号);
 * `reopen`: a treated polygon of an accepted parcel changed, so the new version needs acceptance.
 */
export const REVIEW_ACTIONS = ['submit', 'accept', 'send_back', 'close', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * Who took a step, in which capacity: a surveyor hands finished work over (submit only), a
 * reviewer decides. Steps recorded before roles existed have none.
 */
export const REVIEW_ROLES = ['surveyor', 'reviewer'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

/** The actions each role may take; `reopen` is the store's own step. */
export const ROLE_ACTIONS: Record<ReviewRole, readonly ReviewAction[]> = {
  surveyor: ['submit'],
  reviewer: ['submit', 'accept', 'send_back', 'close'],
};

export interface ReviewEvent {
  action: ReviewAction;
  /** The parcel's status after this step. */
  status: ParcelStatus;
  /** ISO 8601 date-time. */
  at: string;
  who: string;
  role?: ReviewRole;
  /** Why: the reviewer's note (required when sending back), or what reopened the parcel. */
  note: string;
  /** For `accept`: the treated polygons accepted, exactly as they were then (frozen). */
  accepted?: TreatedFeature[];
  /** For `reopen`: the treated polygon whose change reopened the parcel, and what changed. */
  treated_id?: string;
  change?: ReopenChange;
}

export const REOPEN_CHANGES = ['created', 'reshaped', 'deleted', 'attributes'] as const;
export type ReopenChange = (typeof REOPEN_CHANGES)[number];

export interface ParcelReview {
  parcel_id: string;
  /** The current status; equals the last event's. */
  status: ParcelStatus;
  /** Oldest first; never shortened (the full history is kept). */
  events: ReviewEvent[];
}

/** Which statuses each action starts from, and where it leads. `reopen` is the store's, not a person's. */
export const REVIEW_FLOW: Record<ReviewAction, { from: readonly ParcelStatus[]; to: ParcelStatus }> = {
  submit: { from: ['in_progress', 'rejected'], to: 'treated' },
  accept: { from: ['treated'], to: 'accepted' },
  send_back: { from: ['treated', 'accepted'], to: 'rejected' },
  close: { from: ['accepted'], to: 'closed' },
  reopen: { from: ['accepted', 'closed'], to: 'treated' },
};

/** Statuses whose treated geometry is frozen: a later change makes a new version to accept. */
export const FROZEN_STATUSES: readonly ParcelStatus[] = ['accepted', 'closed'];

/** The actions a reviewer may take on a parcel in this status. */
export function reviewActionsFor(status: ParcelStatus): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => a !== 'reopen' && REVIEW_FLOW[a].from.includes(status));
}
