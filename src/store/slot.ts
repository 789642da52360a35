// The state of one editable thing (a treated polygon or a photo) as the edit model sees it: its
// value, or null when it never existed or was deleted, and its revision. Revisions only grow,
// also through deletion, so "based on revision n" identifies exactly one version.
import type { SingleEdit } from './edit.ts';

export interface Slot<T> {
  readonly revision: number;
  readonly value: T | null;
}

export const EMPTY_SLOT: Slot<never> = Object.freeze({ revision: 0, value: null });

/**
 * Why an edit could not be applied to the current state. These are not bugs: another tab (or
 * an undo of an older step) got there first, and the surveyor is told so.
 */
export const REFUSALS = ['stale_revision', 'not_found', 'already_exists', 'no_parent', 'still_needed'] as const;
export type RefusalCode = (typeof REFUSALS)[number];
export type Refusal = { code: RefusalCode; reason: string };

export type Applied<T> = { ok: true; next: Slot<T>; inverse: SingleEdit } | { ok: false; refusal: Refusal };

/** Refusal when the edit was based on another revision than the current one, else null. */
export function revisionRefusal(what: string, slot: Slot<unknown>, baseRevision: number): Refusal | null {
  if (slot.revision === baseRevision) return null;
  return {
    code: 'stale_revision',
    reason: `${what} was changed elsewhere (another tab or window) since this edit began: it is at revision ${slot.revision}, the edit was based on revision ${baseRevision}. Review the current version and edit it again.`,
  };
}
