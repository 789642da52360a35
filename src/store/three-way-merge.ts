// Three-way merge of one target (a treated polygon, a photo, a parcel's acceptance record, the
// targets table, the buffer distances): base is what my edit was based on, mine is base with my
// edit applied, theirs is the server's version now. Changes to different attributes (or rows)
// merge by themselves; the same attribute changed to different values, both geometries changed,
// or a delete against an edit is a conflict for the user. Pure, so it is tested without a browser.
import type { Target, TargetTable, TreatedFeature } from '../domain/model.ts';
import { REVIEW_FLOW, type ParcelReview, type ReviewEvent } from '../domain/review.ts';
import type { EditLayer } from './edit.ts';

export type ConflictReason = 'delete-vs-edit' | 'same-attribute' | 'both-geometry' | 'review-decisions' | 'target-rows' | 'both-created' | 'merge-refused';

/** One attribute (or row, or step list) as it was, as I made it and as the server has it. */
export interface FieldDifference {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Both sides changed it to different values. */
  conflicting: boolean;
}

export type TargetMerge =
  /** Nothing of mine left to push: I changed nothing, or theirs already equals mine. */
  | { status: 'settled' }
  /** Written on theirs' revision, my changes kept and theirs too. */
  | { status: 'merged'; value: unknown }
  | { status: 'conflict'; reasons: ConflictReason[]; fields: FieldDifference[] };

/** Deep equality of JSON values, key order ignored (values came from IndexedDB or the network). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The cases every kind of target shares; undefined when both sides changed a value that exists on both. */
function wholeValueMerge(base: unknown, mine: unknown, theirs: unknown): TargetMerge | undefined {
  if (sameValue(mine, theirs) || sameValue(mine, base)) return { status: 'settled' };
  if (sameValue(theirs, base)) return { status: 'merged', value: mine };
  if (mine === null || theirs === null) {
    return { status: 'conflict', reasons: ['delete-vs-edit'], fields: [{ field: 'exists', base: base !== null, mine: mine !== null, theirs: theirs !== null, conflicting: true }] };
  }
  return undefined;
}

type Fields = Record<string, unknown>;

/** Key by key: each side's changes kept, a key both changed differently is a conflict. */
function mergeFields(base: Fields, mine: Fields, theirs: Fields, skip: readonly string[] = []): { merged: Fields; fields: FieldDifference[] } {
  const merged: Fields = { ...theirs };
  const fields: FieldDifference[] = [];
  const keys = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => !skip.includes(k));
  for (const key of keys) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    if (sameValue(b, m) && sameValue(b, t)) continue;
    const mineChanged = !sameValue(b, m);
    const conflicting = mineChanged && !sameValue(b, t) && !sameValue(m, t);
    if (mineChanged && !conflicting) {
      if (m === undefined) delete merged[key];
      else merged[key] = m;
    }
    fields.push({ field: key, base: b, mine: m, theirs: t, conflicting });
  }
  return { merged, fields };
}

export function mergeTreated(base: TreatedFeature | null, mine: TreatedFeature | null, theirs: TreatedFeature | null): TargetMerge {
  const whole = wholeValueMerge(base, mine, theirs);
  if (whole) return whole;
  const [m, t] = [mine!, theirs!];
  // Both created the same id (ids are random, so only by a copied edit): every field is both sides'.
  const b = base ?? { type: 'Feature' as const, geometry: null, properties: {} };
  const props = mergeFields(b.properties as Fields, m.properties as unknown as Fields, t.properties as unknown as Fields, ['id']);
  const geometry = mergeFields({ geometry: b.geometry }, { geometry: m.geometry }, { geometry: t.geometry });
  const fields = [...geometry.fields, ...props.fields];
  const reasons: ConflictReason[] = [];
  if (!base) reasons.push('both-created');
  if (geometry.fields.some((f) => f.conflicting)) reasons.push('both-geometry');
  if (props.fields.some((f) => f.conflicting)) reasons.push('same-attribute');
  if (reasons.length > 0) return { status: 'conflict', reasons, fields };
  return { status: 'merged', value: { ...t, geometry: geometry.merged['geometry'], properties: { ...props.merged, id: t.properties.id } } };
}

/** Photos are added and removed, never changed: only a delete against the other side's add differs. */
export function mergeWhole(base: unknown, mine: unknown, theirs: unknown): TargetMerge {
  const whole = wholeValueMerge(base, mine, theirs);
  if (whole) return whole;
  const fields = mergeFields((base ?? {}) as Fields, mine as Fields, theirs as Fields).fields.map((f) => ({ ...f, conflicting: !sameValue(f.mine, f.theirs) }));
  return { status: 'conflict', reasons: ['same-attribute'], fields };
}

/** Buffer distances: zone type by zone type; null (the default preset) is a whole value. */
export function mergeDistances(base: Fields | null, mine: Fields | null, theirs: Fields | null): TargetMerge {
  if (base === null || mine === null || theirs === null) {
    const whole = wholeValueMerge(base, mine, theirs);
    return whole ?? { status: 'conflict', reasons: ['same-attribute'], fields: [{ field: 'distances', base, mine, theirs, conflicting: true }] };
  }
  return fieldMerge(base, mine, theirs);
}

function fieldMerge(base: Fields, mine: Fields, theirs: Fields): TargetMerge {
  const whole = wholeValueMerge(base, mine, theirs);
  if (whole) return whole;
  const { merged, fields } = mergeFields(base, mine, theirs);
  return fields.some((f) => f.conflicting) ? { status: 'conflict', reasons: ['same-attribute'], fields } : { status: 'merged', value: merged };
}

/** A target row's key: a table has one row per township, category group and years. */
export function targetRowKey(row: Target): string {
  return `${row.township_id}|${row.category_group}|${row.year}|${row.to_year ?? ''}`;
}

/** Row by row: rows with different keys merge; the same row changed differently (or deleted against an edit) is a conflict. */
export function mergeTargets(base: TargetTable | null, mine: TargetTable | null, theirs: TargetTable | null): TargetMerge {
  const whole = wholeValueMerge(base, mine, theirs);
  if (whole) return whole;
  if (base === null) return { status: 'conflict', reasons: ['target-rows'], fields: [{ field: 'table', base, mine, theirs, conflicting: true }] };
  const byKey = (t: TargetTable): Fields => Object.fromEntries(t.rows.map((r) => [targetRowKey(r), r]));
  const rows = mergeFields(byKey(base), byKey(mine!), byKey(theirs!));
  const rest = mergeFields({ stated_totals: base.stated_totals, source: base.source }, { stated_totals: mine!.stated_totals, source: mine!.source }, { stated_totals: theirs!.stated_totals, source: theirs!.source });
  const fields = [...rows.fields, ...rest.fields];
  if (fields.some((f) => f.conflicting)) return { status: 'conflict', reasons: ['target-rows'], fields };
  // Theirs' order, then my new rows where I put them last.
  const order = [...theirs!.rows.map(targetRowKey), ...mine!.rows.map(targetRowKey)];
  const merged = [...new Set(order)].filter((k) => rows.merged[k] !== undefined).map((k) => rows.merged[k] as Target);
  return { status: 'merged', value: { rows: merged, stated_totals: rest.merged['stated_totals'], source: rest.merged['source'] } };
}

/** Theirs' record with my steps appended, or null when the flow does not let them follow its status. */
export function stepsAfter(theirs: ParcelReview, steps: readonly ReviewEvent[]): ParcelReview | null {
  let status = theirs.status;
  for (const step of steps) {
    if (!REVIEW_FLOW[step.action].from.includes(status)) return null;
    status = step.status;
  }
  return { ...theirs, status, events: [...theirs.events, ...steps] };
}

const sameStep = (a: ReviewEvent, b: ReviewEvent): boolean => a.action === b.action && a.status === b.status;

/**
 * Acceptance records only grow. Both sides appending the same steps (both accepted) is one
 * decision; different decisions on the same work (accept against send back) are a conflict. The
 * store's own `reopen` steps are not decisions: mine are dropped (the server reopens again when
 * my treated change reaches it), and my steps follow theirs when the flow allows it.
 */
export function mergeReview(base: ParcelReview | null, mine: ParcelReview | null, theirs: ParcelReview | null): TargetMerge {
  const whole = wholeValueMerge(base, mine, theirs);
  if (whole) return whole;
  const baseCount = base?.events.length ?? 0;
  const mineSteps = mine!.events.slice(baseCount);
  const theirSteps = theirs!.events.slice(baseCount);
  if (mineSteps.length === theirSteps.length && mineSteps.every((s, i) => sameStep(s, theirSteps[i]!))) return { status: 'settled' };
  if (mineSteps.every((s) => s.action === 'reopen')) return { status: 'settled' };
  if (theirSteps.every((s) => s.action === 'reopen')) {
    const followed = stepsAfter(theirs!, mineSteps);
    if (followed) return { status: 'merged', value: followed };
  }
  const steps = (events: ReviewEvent[]): string => events.map((e) => e.action).join(', ');
  return {
    status: 'conflict',
    reasons: ['review-decisions'],
    fields: [
      { field: 'status', base: base?.status ?? null, mine: mine!.status, theirs: theirs!.status, conflicting: mine!.status !== theirs!.status },
      { field: 'steps', base: '', mine: steps(mineSteps), theirs: steps(theirSteps), conflicting: true },
    ],
  };
}

/**
 * A merge that was clean yet the store refused to apply (frozen work, its validation): the user
 * chooses between mine and theirs, shown field by field where both are records.
 */
export function refusedMerge(layer: EditLayer, base: unknown, mine: unknown, theirs: unknown): Extract<TargetMerge, { status: 'conflict' }> {
  const record = (v: unknown): Fields | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Fields : null);
  let fields: FieldDifference[];
  if (layer === 'treated' && record(mine) && record(theirs)) {
    const [b, m, t] = [base as TreatedFeature | null, mine as TreatedFeature, theirs as TreatedFeature];
    fields = [
      ...mergeFields({ geometry: b?.geometry ?? null }, { geometry: m.geometry }, { geometry: t.geometry }).fields,
      ...mergeFields((b?.properties ?? {}) as Fields, m.properties as unknown as Fields, t.properties as unknown as Fields, ['id']).fields,
    ];
  } else if (record(mine) && record(theirs)) {
    fields = mergeFields(record(base) ?? {}, record(mine)!, record(theirs)!).fields;
  } else {
    fields = [{ field: 'exists', base: base !== null, mine: mine !== null, theirs: theirs !== null, conflicting: false }];
  }
  return { status: 'conflict', reasons: ['merge-refused'], fields: fields.map((f) => ({ ...f, conflicting: !sameValue(f.mine, f.base) && !sameValue(f.mine, f.theirs) })) };
}

export function mergeTarget(layer: EditLayer, base: unknown, mine: unknown, theirs: unknown): TargetMerge {
  switch (layer) {
    case 'treated':
      return mergeTreated(base as TreatedFeature | null, mine as TreatedFeature | null, theirs as TreatedFeature | null);
    case 'reviews':
      return mergeReview(base as ParcelReview | null, mine as ParcelReview | null, theirs as ParcelReview | null);
    case 'targets':
      return mergeTargets(base as TargetTable | null, mine as TargetTable | null, theirs as TargetTable | null);
    case 'settings':
      return mergeDistances(base as Fields | null, mine as Fields | null, theirs as Fields | null);
    case 'photos':
    case 'reference':
      return mergeWhole(base, mine, theirs);
  }
}
