// Checks a parcel's acceptance record before it is stored: known parcel, code-list values, a
// named reviewer and a time for every step, a reason when work is sent back, steps that follow
// the flow of DOMAIN.md, and (for new edits) a history that only grows.
import { PARCEL_STATUSES } from '../domain/model.ts';
import { REVIEW_ACTIONS, REVIEW_FLOW, REVIEW_ROLES, ROLE_ACTIONS, type ParcelReview, type ReviewEvent, type ReviewRole } from '../domain/review.ts';
import type { Problem } from './problem.ts';

const MAX_WHO = 100;
const MAX_NOTE = 2000;

type Fields = Partial<Record<string, unknown>>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function eventProblems(value: unknown, i: number, previous: unknown): string[] {
  const where = `step ${i + 1}`;
  if (!isObject(value)) return [`${where} is not an object`];
  const problems: string[] = [];
  const { action, status, at, who, note } = value;
  if (!(REVIEW_ACTIONS as readonly unknown[]).includes(action)) problems.push(`${where}: action ${JSON.stringify(action)} is not one of ${REVIEW_ACTIONS.join(', ')}`);
  if (!(PARCEL_STATUSES as readonly unknown[]).includes(status)) problems.push(`${where}: status ${JSON.stringify(status)} is not one of ${PARCEL_STATUSES.join(', ')}`);
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) problems.push(`${where}: time ${JSON.stringify(at)} is not a date-time`);
  if (typeof who !== 'string' || who.trim() === '' || who.length > MAX_WHO) problems.push(`${where}: the reviewer's name is missing or longer than ${MAX_WHO} characters`);
  if (typeof note !== 'string' || note.length > MAX_NOTE) problems.push(`${where}: the note is missing or longer than ${MAX_NOTE} characters`);
  if (problems.length > 0) return problems;
  const flow = REVIEW_FLOW[action as ReviewEvent['action']];
  if (flow.to !== status) problems.push(`${where}: ${String(action)} leads to ${flow.to}, not ${String(status)}`);
  if (typeof previous === 'string' && !flow.from.includes(previous as ReviewEvent['status'])) problems.push(`${where}: ${String(action)} cannot follow status ${previous}`);
  if (action === 'send_back' && (note as string).trim() === '') problems.push(`${where}: sending work back needs a note saying why`);
  const role = value['role'];
  if (role !== undefined && !(REVIEW_ROLES as readonly unknown[]).includes(role)) problems.push(`${where}: role ${JSON.stringify(role)} is not one of ${REVIEW_ROLES.join(', ')}`);
  else if (role !== undefined && !ROLE_ACTIONS[role as ReviewRole].includes(action as ReviewEvent['action'])) problems.push(`${where}: a ${String(role)} may not ${String(action)} (only ${ROLE_ACTIONS[role as ReviewRole].join(', ')})`);
  if (action === 'accept' && value['accepted'] !== undefined && !Array.isArray(value['accepted'])) problems.push(`${where}: the accepted polygons are not a list`);
  return problems;
}

/** `parcels`: the programme's parcel ids; `before`: the record being replaced, for new edits. */
export function reviewProblems(parcelId: string, value: unknown, parcels: ReadonlySet<string> | ReadonlyMap<string, unknown>, before?: ParcelReview | null): Problem[] {
  const reasons: string[] = [];
  if (!parcels.has(parcelId)) reasons.push(`parcel ${parcelId} is not in this programme`);
  if (value !== null) {
    if (!isObject(value) || value['parcel_id'] !== parcelId) reasons.push(`the acceptance record does not belong to parcel ${parcelId}`);
    else if (!Array.isArray(value['events']) || value['events'].length === 0) reasons.push('the acceptance record has no steps');
    else {
      const events = value['events'] as unknown[];
      events.forEach((e, i) => reasons.push(...eventProblems(e, i, i > 0 ? (events[i - 1] as Fields | undefined)?.['status'] : undefined)));
      const last = events[events.length - 1] as Fields | undefined;
      if (reasons.length === 0 && value['status'] !== last?.['status']) reasons.push(`the record's status ${JSON.stringify(value['status'])} differs from its last step's`);
      // The history is kept whole: a new step may only be appended.
      if (before && reasons.length === 0) {
        const kept = events.slice(0, before.events.length);
        if (events.length <= before.events.length || JSON.stringify(kept) !== JSON.stringify(before.events)) {
          reasons.push('an acceptance step may only be added after the earlier ones, which are kept as they were');
        }
      }
    }
  } else if (before) reasons.push('an acceptance record cannot be removed, only added to');
  return reasons.map((reason) => ({ field: 'review', code: 'invalid_review', reason }));
}
