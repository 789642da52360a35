import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TreatedFeature } from '../../../src/domain/model.ts';
import type { ParcelReview } from '../../../src/domain/review.ts';
import { applyReviewEdit, applyTargetsEdit } from '../../../src/store/apply-review-edit.ts';
import { applyTreatedEdit } from '../../../src/store/apply-treated-edit.ts';
import { mergeConflict, resolveConflict } from '../../../src/store/conflict-resolution.ts';
import { reviewProblems } from '../../../src/store/review-validation.ts';
import { singleEdits, type Edit, type SingleEdit, type TreatedEdit } from '../../../src/store/edit.ts';
import type { Slot } from '../../../src/store/slot.ts';
import type { SyncConflict } from '../../../src/store/sync-conflict.ts';
import { SQUARE_2, SQUARE_3, treatedFeature } from '../../helpers/field-store.ts';

const base = treatedFeature('T-T1', { note: 'base' });
const serverVersion = (value: unknown, revision = 5, layer: 'treated' | 'reviews' = 'treated', id = 'T-T1') => ({ layer, id, revision, value, who: '李华', at: '2025-11-20T03:00:00Z' });

function conflictOf(edit: Edit, theirs: TreatedFeature | null, extra: SyncConflict['theirs'] = []): SyncConflict {
  return { clientEditId: 'c-1', edit, base: [{ layer: 'treated', id: 'T-T1', revision: 3, value: base }], theirs: [serverVersion(theirs), ...extra] };
}

/** Pushes edits onto the server's treated slots as the server would: each must be based on the revision it meets. */
function push(edits: readonly Edit[], slots: Map<string, Slot<TreatedFeature>>): Map<string, Slot<TreatedFeature>> {
  for (const edit of edits) {
    for (const single of singleEdits(edit)) {
      const id = single.kind === 'create-treated' ? single.feature.properties.id : (single as { id: string }).id;
      const outcome = applyTreatedEdit(slots.get(id) ?? { revision: 0, value: null }, single as TreatedEdit);
      if (!outcome.ok) throw new Error(outcome.refusal.reason);
      slots.set(id, outcome.next);
    }
  }
  return slots;
}

const labels = (edits: readonly Edit[]): string[] => edits.map((e) => (e.kind === 'batch' ? e.label : ''));

describe('a merge this device\'s store refused', () => {
  const mine: Edit = { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { note: '补植' } };
  const theirs: TreatedFeature = { ...base, geometry: SQUARE_2 };

  it('is asked for, mine or theirs, showing what I changed against theirs', () => {
    expect(mergeConflict(conflictOf(mine, theirs)).kind).toBe('merged');
    const outcome = mergeConflict({ ...conflictOf(mine, theirs), mergeRefused: 'parcel T-M1-P1 is accepted' });
    expect(outcome).toMatchObject({ kind: 'ask', choices: ['mine', 'theirs'] });
    if (outcome.kind !== 'ask') return;
    expect(outcome.targets[0]!.merge).toEqual({
      status: 'conflict', reasons: ['merge-refused'],
      fields: [
        { field: 'geometry', base: base.geometry, mine: base.geometry, theirs: SQUARE_2, conflicting: false },
        { field: 'note', base: 'base', mine: '补植', theirs: 'base', conflicting: true },
      ],
    });
  });

  it('theirs pushes nothing; mine pushes what the merge would have', () => {
    const refused = { ...conflictOf(mine, theirs), mergeRefused: 'refused' };
    expect(resolveConflict(refused, 'theirs', () => 'T-NEW').edits).toEqual([]);
    const merged = mergeConflict(conflictOf(mine, theirs));
    expect(resolveConflict(refused, 'mine', () => 'T-NEW').edits.flatMap(singleEdits)).toEqual(merged.kind === 'merged' ? merged.edits.flatMap(singleEdits) : null);
    expect(() => resolveConflict(refused, 'keep-both', () => 'T-NEW')).toThrow();
  });
});

describe('a conflict that merges by itself', () => {
  it('becomes edits based on theirs that, pushed, hold both changes', () => {
    const mine: Edit = { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { note: '补植' } };
    const theirs: TreatedFeature = { ...base, geometry: SQUARE_2 };
    const outcome = mergeConflict(conflictOf(mine, theirs));
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    const after = push(outcome.edits, new Map([['T-T1', { revision: 5, value: theirs }]]));
    expect(after.get('T-T1')).toEqual({ revision: 6, value: { ...theirs, properties: { ...base.properties, note: '补植' } } });
  });

  it('my reshape onto their changed attributes pushes as a geometry edit, and a treated change against their acceptance reopens that parcel', () => {
    const accepted: ParcelReview = { parcel_id: 'T-M1-P1', status: 'accepted', events: [{ action: 'accept', status: 'accepted', at: '2025-11-20T03:00:00Z', who: '审核', note: '' }] };
    const theirs = { ...base, properties: { ...base.properties, surveyor: '李华' } };
    const outcome = mergeConflict(conflictOf({ kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 3, geometry: SQUARE_3 }, theirs, [serverVersion(accepted, 2, 'reviews', 'T-M1-P1')]));
    expect(outcome.kind === 'merged' && outcome.reopens).toEqual(['T-M1-P1']);
    if (outcome.kind !== 'merged') return;
    expect(push(outcome.edits, new Map([['T-T1', { revision: 5, value: theirs }]])).get('T-T1')!.value!.geometry).toEqual(SQUARE_3);
  });
});

describe('a conflict the user resolves', () => {
  const mine: Edit = { kind: 'batch', label: 'edit', edits: [
    { kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 3, geometry: SQUARE_2 },
  ] };
  const theirs: TreatedFeature = { ...base, geometry: SQUARE_3, properties: { ...base.properties, note: '他们的' } };
  const conflict = conflictOf(mine, theirs);

  it('is asked for, with keeping both offered for a treated polygon', () => {
    const outcome = mergeConflict(conflict);
    expect(outcome.kind === 'ask' && outcome.choices).toEqual(['mine', 'theirs', 'keep-both']);
  });

  it('mine: my shape replaces theirs on theirs revision, their note kept, and the label names what was replaced', () => {
    const resolution = resolveConflict(conflict, 'mine', () => 'NEW');
    const after = push(resolution.edits, new Map([['T-T1', { revision: 5, value: theirs }]]));
    expect(after.get('T-T1')!.value).toEqual({ ...theirs, geometry: SQUARE_2 });
    expect(labels(resolution.edits)[0]).toContain('replaced treated T-T1 r5 by 李华');
  });

  it('theirs: nothing to push, and the label says my edit was not applied', () => {
    const resolution = resolveConflict(conflict, 'theirs', () => 'NEW');
    expect(resolution.edits).toEqual([]);
    expect(resolution.label).toContain('my edit c-1 not applied');
  });

  it('keep both: theirs stays, my shape becomes a new polygon with a new id and my attributes', () => {
    const resolution = resolveConflict(conflict, 'keep-both', () => 'T-NEW');
    const after = push(resolution.edits, new Map([['T-T1', { revision: 5, value: theirs }]]));
    expect(after.get('T-T1')).toEqual({ revision: 5, value: theirs });
    expect(after.get('T-NEW')!.value).toEqual({ ...base, geometry: SQUARE_2, properties: { ...base.properties, id: 'T-NEW' } });
  });

  it('a delete against their edit: mine deletes on theirs revision; keeping both is not offered', () => {
    const deleted = conflictOf({ kind: 'delete-treated', id: 'T-T1', baseRevision: 3 }, theirs);
    const outcome = mergeConflict(deleted);
    expect(outcome.kind === 'ask' && outcome.choices).toEqual(['mine', 'theirs']);
    expect(() => resolveConflict(deleted, 'keep-both', () => 'X')).toThrow(/keeping both/);
    const after = push(resolveConflict(deleted, 'mine', () => 'X').edits, new Map([['T-T1', { revision: 5, value: theirs }]]));
    expect(after.get('T-T1')).toEqual({ revision: 6, value: null });
  });

  it('my edit against their delete: mine recreates it on the tombstone, keep both makes a new one', () => {
    const edited = conflictOf({ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { note: '我的' } }, null);
    const mineAfter = push(resolveConflict(edited, 'mine', () => 'X').edits, new Map([['T-T1', { revision: 5, value: null }]]));
    expect(mineAfter.get('T-T1')!.value!.properties.note).toBe('我的');
    const both = push(resolveConflict(edited, 'keep-both', () => 'T-NEW').edits, new Map([['T-T1', { revision: 5, value: null }]]));
    expect(both.get('T-T1')!.value).toBeNull();
    expect(both.get('T-NEW')!.value!.properties.note).toBe('我的');
  });

  const step = (action: 'submit' | 'accept' | 'send_back') => ({ action, status: ({ submit: 'treated', accept: 'accepted', send_back: 'rejected' } as const)[action], at: '2025-11-20T02:00:00Z', who: 'x', role: 'reviewer' as const, note: action === 'send_back' ? '补植不足' : '' });
  const record = (...actions: ('submit' | 'accept' | 'send_back')[]): ParcelReview => ({ parcel_id: 'T-M1-P1', status: step(actions.at(-1)!).status, events: actions.map(step) });
  const reviewConflict = (mine: ParcelReview, theirs: ParcelReview): SyncConflict => ({
    clientEditId: 'c-2', edit: { kind: 'review-parcel', parcelId: 'T-M1-P1', baseRevision: 1, review: mine },
    base: [{ layer: 'reviews', id: 'T-M1-P1', revision: 1, value: record('submit') }], theirs: [serverVersion(theirs, 2, 'reviews', 'T-M1-P1')],
  });

  it('my send-back against their acceptance: mine appends my step after theirs, a record the validation and the store take', () => {
    const conflict = reviewConflict(record('submit', 'send_back'), record('submit', 'accept'));
    const outcome = mergeConflict(conflict);
    expect(outcome.kind === 'ask' && outcome.choices).toEqual(['mine', 'theirs']);
    const single = singleEdits(resolveConflict(conflict, 'mine', () => 'X').edits[0]!)[0] as SingleEdit & { kind: 'review-parcel' };
    expect(single.review).toEqual(record('submit', 'accept', 'send_back'));
    expect(reviewProblems('T-M1-P1', single.review, new Set(['T-M1-P1']), record('submit', 'accept'))).toEqual([]);
    const applied = applyReviewEdit({ revision: 2, value: record('submit', 'accept') }, single);
    expect(applied.ok && applied.next.revision).toBe(3);
  });

  it('my acceptance against their send-back: the flow lets it not follow, so theirs stands (mine stays in the history)', () => {
    const conflict = reviewConflict(record('submit', 'accept'), record('submit', 'send_back'));
    const outcome = mergeConflict(conflict);
    expect(outcome.kind === 'ask' && outcome.choices).toEqual(['theirs']);
    expect(() => resolveConflict(conflict, 'mine', () => 'X')).toThrow(/cannot follow/);
    expect(resolveConflict(conflict, 'theirs', () => 'X').edits).toEqual([]);
  });
});

describe('every kind of target becomes an edit its store takes on theirs revision', () => {
  const row = (township_id: string, target_mu: number) => ({ township_id, category_group: 'producing' as const, year: 2025, target_mu });
  const table = (...rows: ReturnType<typeof row>[]) => ({ rows, stated_totals: [], source: 'plan' });

  it('targets: rows changed apart merge into one set-targets edit that applyTargetsEdit takes', () => {
    const conflict: SyncConflict = {
      clientEditId: 't', edit: { kind: 'set-targets', baseRevision: 2, table: table(row('A', 12), row('B', 20)) },
      base: [{ layer: 'targets', id: 'targets', revision: 2, value: table(row('A', 10), row('B', 20)) }],
      theirs: [{ layer: 'targets', id: 'targets', revision: 3, value: table(row('A', 10), row('B', 25)), who: '乙', at: '2025-11-20T03:00:00Z' }],
    };
    const outcome = mergeConflict(conflict);
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    expect(outcome.label).toMatch(/^sync merged: my edit t on targets targets r3 by 乙/);
    const single = singleEdits(outcome.edits[0]!)[0]!;
    const applied = applyTargetsEdit({ revision: 3, value: table(row('A', 10), row('B', 25)) }, single as SingleEdit & { kind: 'set-targets' });
    expect(applied.ok && applied.next).toEqual({ revision: 4, value: table(row('A', 12), row('B', 25)) });
  });

  it('buffer distances and photos: the merged value is written on their revision', () => {
    const d = { nature_reserve: 1000, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 1000, river_lake: 1000 };
    const settings: SyncConflict = {
      clientEditId: 's', edit: { kind: 'set-buffer-distances', baseRevision: 1, distances: { ...d, river_lake: 10_000 } },
      base: [{ layer: 'settings', id: 'buffer-distances', revision: 1, value: d }],
      theirs: [{ layer: 'settings', id: 'buffer-distances', revision: 2, value: { ...d, water_source: 800 }, who: '乙', at: '2025-11-20T03:00:00Z' }],
    };
    const outcome = mergeConflict(settings);
    expect(outcome.kind === 'merged' && outcome.edits.flatMap(singleEdits)).toEqual([{ kind: 'set-buffer-distances', baseRevision: 2, distances: { ...d, water_source: 800, river_lake: 10_000 } }]);
    const photo = { id: 'P-1', feature_id: 'T-T1', taken_at: '2025-06-01T00:00:00Z', location: null, size: 10, type: 'image/jpeg', name: 'a.jpg' };
    const removed: SyncConflict = {
      clientEditId: 'p', edit: { kind: 'remove-photo', photoId: 'P-1', baseRevision: 1 },
      base: [{ layer: 'photos', id: 'P-1', revision: 1, value: photo }],
      theirs: [{ layer: 'photos', id: 'P-1', revision: 1, value: photo, who: '乙', at: '2025-11-20T03:00:00Z' }],
    };
    expect(mergeConflict(removed).kind === 'merged' && mergeConflict(removed)).toMatchObject({ edits: [{ edits: [{ kind: 'remove-photo', photoId: 'P-1', baseRevision: 1 }] }] });
  });
});

describe('property: resolving pushes cleanly onto theirs', () => {
  const note = fc.constantFrom('a', 'b', 'c');
  const date = fc.constantFrom('2025-06-01', '2025-07-01');
  const shape = fc.constantFrom(base.geometry, SQUARE_2, SQUARE_3);
  const side = fc.record({ note, date, geometry: shape });

  it('mine: every field I changed has my value, every field only they changed keeps theirs; theirs: nothing pushed to a conflicted polygon', () => {
    fc.assert(fc.property(side, side, (m, t) => {
      const mine = { ...base, geometry: m.geometry, properties: { ...base.properties, note: m.note, date: m.date } };
      const theirs = { ...base, geometry: t.geometry, properties: { ...base.properties, note: t.note, date: t.date } };
      const edit: Edit = { kind: 'batch', label: 'x', edits: [{ kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 3, geometry: m.geometry }] };
      const conflict: SyncConflict = { clientEditId: 'c', edit, base: [{ layer: 'treated', id: 'T-T1', revision: 3, value: base }], theirs: [serverVersion(theirs)] };
      // My edit only reshaped: the attributes are carried by "mine" as base.
      const onlyShape = { ...mine, properties: base.properties };
      const after = push(resolveConflict(conflict, 'mine', () => 'N').edits, new Map([['T-T1', { revision: 5, value: theirs }]])).get('T-T1')!.value!;
      expect(after.geometry).toEqual(sameGeometry(onlyShape.geometry, base.geometry) ? theirs.geometry : onlyShape.geometry);
      expect(after.properties).toEqual(theirs.properties);
      const kept = push(resolveConflict(conflict, 'theirs', () => 'N').edits, new Map([['T-T1', { revision: 5, value: theirs }]])).get('T-T1')!;
      const merge = mergeConflict(conflict);
      if (merge.kind === 'ask') expect(kept).toEqual({ revision: 5, value: theirs });
    }));
  });
});

const sameGeometry = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
