// The review events of a reviews row: JSON text, checked field by field against the review model
// (domain/review.ts) so that a hand-edited archive cannot put an unknown action or status in.
import { PARCEL_STATUSES } from '../../domain/model.ts';
import { REOPEN_CHANGES, REVIEW_ACTIONS, REVIEW_ROLES, type ReviewEvent } from '../../domain/review.ts';
import type { ArchiveRow } from './archive-values.ts';

export function reviewEvents(row: ArchiveRow): ReviewEvent[] {
  const events = row.json('events');
  if (!Array.isArray(events)) return row.fail('events', 'is not a JSON array of review events');
  events.forEach((event: unknown, i) => {
    const bad = (problem: string) => row.fail('events', `[${i}] ${problem}`);
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return bad('is not an object');
    const e = event as Record<string, unknown>;
    const oneOf = (key: string, codes: readonly string[], optional = false) => {
      if (optional && e[key] === undefined) return;
      if (typeof e[key] !== 'string' || !codes.includes(e[key])) bad(`${key} is ${JSON.stringify(e[key])}, not one of ${codes.join(', ')}`);
    };
    oneOf('action', REVIEW_ACTIONS);
    oneOf('status', PARCEL_STATUSES);
    oneOf('role', REVIEW_ROLES, true);
    oneOf('change', REOPEN_CHANGES, true);
    for (const key of ['at', 'who', 'note']) if (typeof e[key] !== 'string') bad(`${key} is not text`);
    if (e['treated_id'] !== undefined && typeof e['treated_id'] !== 'string') bad('treated_id is not text');
    if (e['accepted'] !== undefined && (!Array.isArray(e['accepted']) || !e['accepted'].every((f) => typeof f === 'object' && f !== null && (f as { type?: unknown }).type === 'Feature'))) {
      bad('accepted is not a list of treated polygons (GeoJSON features)');
    }
  });
  return events as ReviewEvent[];
}
