// Turns a sync conflict into edits to push: merged by itself when the two sides changed different
// things, otherwise resolved by the user's choice (mine, theirs, or both kept). Every edit made here
// is based on theirs' revision, so pushing it succeeds, and its journal label says whose version it
// replaced: the version not chosen stays in the history (the server's change log, this journal).
import type { TreatedFeature } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { Edit, EditLayer, SingleEdit, TreatedAttributeChange } from './edit.ts';
import { editTarget, singleEdits } from './edit.ts';
import { isFrozen, parcelsOfChange, workChange } from './reopen-rule.ts';
import type { ConflictChoice, SyncConflict } from './sync-conflict.ts';
import { mergeTarget, refusedMerge, sameValue, stepsAfter, type TargetMerge } from './three-way-merge.ts';

/** One thing my edit wrote to, seen three ways. */
export interface ConflictTarget {
  layer: EditLayer;
  id: string;
  /** My edit's part for this target, as made. */
  edit: SingleEdit;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  theirsRevision: number;
  /** Who made theirs, and when; null when the server did not move on for this target. */
  theirsBy: { who: string; at: string } | null;
  merge: TargetMerge;
}

export type MergeOutcome =
  | { kind: 'merged'; edits: Edit[]; label: string; reopens: string[] }
  | { kind: 'ask'; targets: ConflictTarget[]; choices: ConflictChoice[] };

export interface Resolution {
  /** To push, in order; empty when theirs is kept as it is. */
  edits: Edit[];
  /** For the journal: what was kept and what it replaced. */
  label: string;
  /** Parcels whose acceptance my change reopens (the server appends the reopen step). */
  reopens: string[];
}

/** My edit's part applied to the value it was based on. */
export function appliedValue(edit: SingleEdit, base: unknown): unknown {
  switch (edit.kind) {
    case 'create-treated':
      return edit.feature;
    case 'update-treated-geometry':
      return base === null ? null : { ...(base as TreatedFeature), geometry: edit.geometry };
    case 'update-treated-attributes': {
      const feature = base as TreatedFeature | null;
      return feature === null ? null : { ...feature, properties: { ...feature.properties, ...edit.attributes } };
    }
    case 'delete-treated':
    case 'remove-photo':
      return null;
    case 'add-photo':
      return edit.photo;
    case 'review-parcel':
      return edit.review;
    case 'set-targets':
      return edit.table;
    case 'set-buffer-distances':
      return edit.distances;
    case 'import-features':
    case 'remove-features':
      return edit;
  }
}

export function conflictTargets(conflict: SyncConflict): ConflictTarget[] {
  return singleEdits(conflict.edit).map((edit) => {
    const { layer, id } = editTarget(edit);
    const base = conflict.base.find((b) => b.layer === layer && b.id === id);
    const server = conflict.theirs.find((t) => t.layer === layer && t.id === id);
    const baseValue = base?.value ?? null;
    const mine = appliedValue(edit, baseValue);
    // A target the server did not report is as it was when my edit was made.
    const theirs = server ? server.value : baseValue;
    const merged: TargetMerge = layer === 'reference' ? { status: 'merged', value: mine } : mergeTarget(layer, baseValue, mine, theirs);
    const merge = conflict.mergeRefused !== undefined && merged.status === 'merged' && layer !== 'reference' ? refusedMerge(layer, baseValue, mine, theirs) : merged;
    return {
      layer, id, edit, base: baseValue, mine, theirs,
      theirsRevision: server?.revision ?? base?.revision ?? 0,
      theirsBy: server ? { who: server.who, at: server.at } : null,
      merge,
    };
  });
}

/** The edits that take one target from theirs to `value`, the first based on theirs' revision. */
export function editsToValue(target: ConflictTarget, value: unknown): SingleEdit[] {
  const { layer, id, theirs, theirsRevision: revision } = target;
  if (sameValue(value, theirs)) return [];
  switch (layer) {
    case 'treated': {
      if (value === null) return [{ kind: 'delete-treated', id, baseRevision: revision }];
      const next = value as TreatedFeature;
      if (theirs === null) return [{ kind: 'create-treated', baseRevision: revision, feature: next }];
      const now = theirs as TreatedFeature;
      const edits: SingleEdit[] = [];
      if (!sameValue(now.geometry, next.geometry)) edits.push({ kind: 'update-treated-geometry', id, baseRevision: revision, geometry: next.geometry });
      const attributes: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(now.properties), ...Object.keys(next.properties)])) {
        const k = key as keyof TreatedFeature['properties'];
        if (k !== 'id' && !sameValue(now.properties[k], next.properties[k])) attributes[k] = next.properties[k];
      }
      if (Object.keys(attributes).length > 0) {
        edits.push({ kind: 'update-treated-attributes', id, baseRevision: revision + edits.length, attributes: attributes as TreatedAttributeChange });
      }
      return edits;
    }
    case 'photos':
      return value === null ? [{ kind: 'remove-photo', photoId: id, baseRevision: revision }] : [target.edit.kind === 'add-photo' ? { ...target.edit, baseRevision: revision } : target.edit];
    case 'reviews':
      return [{ kind: 'review-parcel', parcelId: id, baseRevision: revision, review: value as ParcelReview | null }];
    case 'targets':
      return [{ kind: 'set-targets', baseRevision: revision, table: value as never }];
    case 'settings':
      return [{ kind: 'set-buffer-distances', baseRevision: revision, distances: value as never }];
    case 'reference':
      return [target.edit];
  }
}

/** A batch changes each target once, so a target needing two edits (shape and attributes) takes two batches. */
function batches(perTarget: SingleEdit[][], label: string): Edit[] {
  const rounds = Math.max(0, ...perTarget.map((e) => e.length));
  return Array.from({ length: rounds }, (_, i) => ({ kind: 'batch' as const, label, edits: perTarget.map((e) => e[i]).filter((e): e is SingleEdit => e !== undefined) }));
}

/** Parcels accepted on the server whose work my change to a treated polygon alters. */
function reopenedParcels(conflict: SyncConflict, targets: readonly { target: ConflictTarget; value: unknown }[]): string[] {
  const parcels = new Set<string>();
  for (const { target, value } of targets) {
    if (target.layer !== 'treated') continue;
    const before = target.theirs as TreatedFeature | null;
    const after = value as TreatedFeature | null;
    if (!workChange(before, after)) continue;
    for (const parcelId of parcelsOfChange(before, after)) {
      const review = conflict.theirs.find((t) => t.layer === 'reviews' && t.id === parcelId);
      if (review && isFrozen(review.value as ParcelReview | null, undefined)) parcels.add(parcelId);
    }
  }
  return [...parcels];
}

function describe(target: ConflictTarget): string {
  const by = target.theirsBy ? ` by ${target.theirsBy.who} (${target.theirsBy.at})` : '';
  return `${target.layer} ${target.id} r${target.theirsRevision}${by}`;
}

/**
 * An acceptance record only grows and follows the flow (review-validation.ts), so mine is my
 * steps after theirs — possible only where the flow allows it (their accept, then my send-back),
 * null where it does not (their send-back, then my accept).
 */
function myStepsOnTheirs(target: ConflictTarget): ParcelReview | null {
  const [base, mine, theirs] = [target.base, target.mine, target.theirs] as (ParcelReview | null)[];
  if (!mine || !theirs) return mine ?? null;
  return stepsAfter(theirs, mine.events.slice(base?.events.length ?? 0));
}

/**
 * Mine chosen: what I changed wins, what only they changed stays (a treated polygon field by
 * field). Other records are taken whole: their replaced steps stay in the server's change log.
 */
function mineOverTheirs(target: ConflictTarget): unknown {
  if (target.layer === 'reviews') return myStepsOnTheirs(target);
  if (target.layer !== 'treated' || target.base === null || target.mine === null || target.theirs === null) return target.mine;
  const [base, mine, theirs] = [target.base, target.mine, target.theirs] as TreatedFeature[];
  const properties: Record<string, unknown> = { ...theirs!.properties };
  for (const [key, value] of Object.entries(mine!.properties)) if (!sameValue(value, base!.properties[key as keyof TreatedFeature['properties']])) properties[key] = value;
  const geometry = sameValue(mine!.geometry, base!.geometry) ? theirs!.geometry : mine!.geometry;
  return { ...theirs!, geometry, properties };
}

/** What the user can choose: keeping both only makes sense for treated polygons I did not delete. */
export function choicesFor(targets: readonly ConflictTarget[]): ConflictChoice[] {
  const asked = targets.filter((t) => t.merge.status === 'conflict');
  // A refused merge is mine or theirs: my version as a new polygon would meet the same refusal.
  const both = asked.length > 0 && asked.every((t) => t.layer === 'treated' && t.mine !== null && !(t.merge.status === 'conflict' && t.merge.reasons.includes('merge-refused')));
  // A decision the flow does not let follow theirs cannot be kept: theirs stands, mine stays in the history.
  const mine = asked.every((t) => t.layer !== 'reviews' || t.mine === null || myStepsOnTheirs(t) !== null);
  return [...(mine ? ['mine' as const] : []), 'theirs', ...(both ? ['keep-both' as const] : [])];
}

export function mergeConflict(conflict: SyncConflict): MergeOutcome {
  const targets = conflictTargets(conflict);
  if (targets.some((t) => t.merge.status === 'conflict')) return { kind: 'ask', targets, choices: choicesFor(targets) };
  return { kind: 'merged', ...resolveConflict(conflict, 'mine', () => { throw new Error('nothing to keep both of'); }) };
}

/**
 * The user's decision on the targets in conflict; my other changes merge as they would by
 * themselves. `newTreatedId` names the polygon my shape becomes when both are kept.
 */
export function resolveConflict(conflict: SyncConflict, choice: ConflictChoice, newTreatedId: () => string): Resolution {
  const targets = conflictTargets(conflict);
  const asked = targets.filter((t) => t.merge.status === 'conflict');
  if (!choicesFor(targets).includes(choice)) {
    throw new Error(choice === 'keep-both' ? 'keeping both applies only to treated polygons I did not delete' : 'my acceptance step cannot follow theirs in the review flow');
  }
  const chosen: { target: ConflictTarget; value: unknown }[] = [];
  const created: SingleEdit[] = [];
  for (const target of targets) {
    if (target.merge.status === 'merged') chosen.push({ target, value: target.merge.value });
    else if (target.merge.status === 'conflict' && choice === 'mine') chosen.push({ target, value: mineOverTheirs(target) });
    else if (target.merge.status === 'conflict' && choice === 'keep-both') {
      const mine = target.mine as TreatedFeature;
      created.push({ kind: 'create-treated', baseRevision: 0, feature: { ...mine, properties: { ...mine.properties, id: newTreatedId() } } });
    }
  }
  const what = asked.map(describe).join(', ');
  const label =
    asked.length === 0 ? `sync merged: my edit ${conflict.clientEditId} on ${targets.map(describe).join(', ')}`
    : choice === 'mine' ? `sync conflict: kept mine (${conflict.clientEditId}), replaced ${what}`
    : choice === 'theirs' ? `sync conflict: kept ${what}, my edit ${conflict.clientEditId} not applied there`
    : `sync conflict: kept both, ${what} and my version as ${created.map((e) => editTarget(e).id).join(', ')}`;
  const perTarget = [...chosen.map((c) => editsToValue(c.target, c.value)), ...created.map((e) => [e])];
  return { edits: batches(perTarget, label), label, reopens: reopenedParcels(conflict, chosen) };
}
