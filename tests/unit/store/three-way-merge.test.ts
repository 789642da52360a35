import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Target, TargetTable, TreatedFeature } from '../../../src/domain/model.ts';
import type { ParcelReview, ReviewAction, ReviewEvent } from '../../../src/domain/review.ts';
import { REVIEW_FLOW } from '../../../src/domain/review.ts';
import { mergeDistances, mergeReview, mergeTargets, mergeTreated, mergeWhole } from '../../../src/store/three-way-merge.ts';
import { SQUARE_2, SQUARE_3, treatedFeature } from '../../helpers/field-store.ts';

const base = treatedFeature('T-T1', { note: 'base', surveyor: '赵军' });
const withProps = (f: TreatedFeature, p: Partial<TreatedFeature['properties']>): TreatedFeature => ({ ...f, properties: { ...f.properties, ...p } });

describe('treated polygons, three ways', () => {
  it('changes to different attributes merge: my note and their date both survive', () => {
    const merge = mergeTreated(base, withProps(base, { note: '补植' }), withProps(base, { date: '2025-07-01' }));
    expect(merge).toEqual({ status: 'merged', value: withProps(base, { note: '补植', date: '2025-07-01' }) });
  });

  it('my reshape and their attribute change merge', () => {
    const merge = mergeTreated(base, { ...base, geometry: SQUARE_2 }, withProps(base, { measure: 'landform' }));
    expect(merge).toEqual({ status: 'merged', value: { ...withProps(base, { measure: 'landform' }), geometry: SQUARE_2 } });
  });

  it('the same attribute changed to different values is a conflict naming it, with all three values', () => {
    const merge = mergeTreated(base, withProps(base, { note: 'mine' }), withProps(base, { note: 'theirs', date: '2025-07-01' }));
    expect(merge.status).toBe('conflict');
    if (merge.status !== 'conflict') return;
    expect(merge.reasons).toEqual(['same-attribute']);
    expect(merge.fields).toContainEqual({ field: 'note', base: 'base', mine: 'mine', theirs: 'theirs', conflicting: true });
    expect(merge.fields).toContainEqual({ field: 'date', base: '2025-06-01', mine: '2025-06-01', theirs: '2025-07-01', conflicting: false });
  });

  it('both geometries changed differently is a conflict; the same change on both sides is not', () => {
    const both = mergeTreated(base, { ...base, geometry: SQUARE_2 }, { ...base, geometry: SQUARE_3 });
    expect(both.status === 'conflict' && both.reasons).toEqual(['both-geometry']);
    expect(mergeTreated(base, { ...base, geometry: SQUARE_2 }, { ...base, geometry: SQUARE_2 })).toEqual({ status: 'settled' });
    expect(mergeTreated(base, withProps(base, { note: 'x' }), withProps(base, { note: 'x' }))).toEqual({ status: 'settled' });
  });

  it('a delete against an edit is a conflict either way, never a silent loss', () => {
    for (const [mine, theirs] of [[null, withProps(base, { note: 'theirs' })], [withProps(base, { note: 'mine' }), null]] as const) {
      const merge = mergeTreated(base, mine, theirs);
      expect(merge.status === 'conflict' && merge.reasons).toEqual(['delete-vs-edit']);
    }
  });

  it('both deleting is settled; deleting what they did not touch is merged', () => {
    expect(mergeTreated(base, null, null)).toEqual({ status: 'settled' });
    expect(mergeTreated(base, null, base)).toEqual({ status: 'merged', value: null });
  });

  const attribute = fc.constantFrom('note', 'surveyor', 'date', 'measure');
  const values: Record<string, fc.Arbitrary<string>> = {
    note: fc.string({ maxLength: 4 }), surveyor: fc.constantFrom('赵军', '李华', 'Ann'), date: fc.constantFrom('2025-06-01', '2025-07-01', '2025-08-02'), measure: fc.constantFrom('vegetation', 'landform'),
  };
  const change = fc.dictionary(attribute, fc.constant(null)).chain((keys) => fc.record(Object.fromEntries(Object.keys(keys).map((k) => [k, values[k]!]))));

  it('property: a conflict is found exactly when some attribute was changed by both to different values, whichever side is mine', () => {
    fc.assert(fc.property(change, change, (m, t) => {
      const mine = withProps(base, m as never);
      const theirs = withProps(base, t as never);
      const clash = Object.keys(m).some((k) => k in t && m[k] !== t[k] && m[k] !== (base.properties as never)[k] && t[k] !== (base.properties as never)[k]);
      expect(mergeTreated(base, mine, theirs).status === 'conflict').toBe(clash);
      expect(mergeTreated(base, theirs, mine).status === 'conflict').toBe(clash);
    }));
  });

  it('property: when no conflict, the result holds every attribute each side changed', () => {
    fc.assert(fc.property(change, change, (m, t) => {
      const merge = mergeTreated(base, withProps(base, m as never), withProps(base, t as never));
      if (merge.status !== 'merged') return;
      const value = merge.value as TreatedFeature;
      for (const [k, v] of Object.entries(t)) expect((value.properties as never)[k]).toBe(k in m && m[k] !== (base.properties as never)[k] ? m[k] : v);
      for (const [k, v] of Object.entries(m)) if (v !== (base.properties as never)[k]) expect((value.properties as never)[k]).toBe(v);
      expect(value.properties.id).toBe('T-T1');
    }));
  });
});

describe('photos and buffer distances', () => {
  const photo = { id: 'P-1', feature_id: 'T-T1', taken_at: '2025-06-01T00:00:00Z', location: null, size: 10, type: 'image/jpeg', name: 'a.jpg' };
  it('removing a photo they left alone merges; the same photo added on both is settled', () => {
    expect(mergeWhole(photo, null, photo)).toEqual({ status: 'merged', value: null });
    expect(mergeWhole(null, photo, photo)).toEqual({ status: 'settled' });
  });
  it('different distances for different zone types merge; the same one changed differently is a conflict', () => {
    const d = { nature_reserve: 1000, water_source: 500 };
    expect(mergeDistances(d, { ...d, water_source: 800 }, { ...d, nature_reserve: 2000 })).toEqual({ status: 'merged', value: { nature_reserve: 2000, water_source: 800 } });
    expect(mergeDistances(d, { ...d, water_source: 800 }, { ...d, water_source: 900 }).status).toBe('conflict');
    expect(mergeDistances(d, null, { ...d, water_source: 900 }).status).toBe('conflict');
  });
});

describe('targets tables, row by row', () => {
  const row = (township_id: string, year: number, target_mu: number): Target => ({ township_id, category_group: 'producing', year, target_mu });
  const table = (rows: Target[]): TargetTable => ({ rows, stated_totals: [], source: 'plan' });
  const t0 = table([row('A', 2024, 10), row('B', 2024, 20)]);

  it('rows with different (township, group, year) keys merge, new rows included', () => {
    const merge = mergeTargets(t0, table([row('A', 2024, 12), row('B', 2024, 20)]), table([row('A', 2024, 10), row('B', 2024, 25), row('C', 2025, 5)]));
    expect(merge).toEqual({ status: 'merged', value: table([row('A', 2024, 12), row('B', 2024, 25), row('C', 2025, 5)]) });
  });

  it('the same row changed to different figures is a conflict naming that row', () => {
    const merge = mergeTargets(t0, table([row('A', 2024, 12), row('B', 2024, 20)]), table([row('A', 2024, 15), row('B', 2024, 20)]));
    expect(merge.status).toBe('conflict');
    if (merge.status === 'conflict') expect(merge.fields.filter((f) => f.conflicting).map((f) => f.field)).toEqual(['A|producing|2024|']);
  });

  it('a row deleted on one side and changed on the other is a conflict', () => {
    expect(mergeTargets(t0, table([row('B', 2024, 20)]), table([row('A', 2024, 15), row('B', 2024, 20)])).status).toBe('conflict');
  });
});

describe('acceptance records follow the review flow', () => {
  const step = (action: ReviewAction, extra: Partial<ReviewEvent> = {}): ReviewEvent => ({ action, status: REVIEW_FLOW[action].to, at: '2025-11-20T02:00:00Z', who: 'x', note: '', ...extra });
  const review = (...events: ReviewEvent[]): ParcelReview => ({ parcel_id: 'T-M1-P1', status: events.at(-1)!.status, events });
  const submitted = review(step('submit'));

  it('both accepted the same work: no conflict, whoever did it', () => {
    expect(mergeReview(submitted, review(step('submit'), step('accept', { who: '甲' })), review(step('submit'), step('accept', { who: '乙' })))).toEqual({ status: 'settled' });
  });

  it('accept against send back is a conflict', () => {
    const merge = mergeReview(submitted, review(step('submit'), step('accept')), review(step('submit'), step('send_back', { note: '补植不足' })));
    expect(merge.status === 'conflict' && merge.reasons).toEqual(['review-decisions']);
  });

  it('my step follows their store-made reopen when the flow allows it, and conflicts when it does not', () => {
    const accepted = review(step('submit'), step('accept'));
    const reopened = review(step('submit'), step('accept'), step('reopen'));
    const sentBack = mergeReview(accepted, review(step('submit'), step('accept'), step('send_back')), reopened);
    expect(sentBack).toEqual({ status: 'merged', value: review(step('submit'), step('accept'), step('reopen'), step('send_back')) });
    expect(mergeReview(accepted, review(step('submit'), step('accept'), step('close')), reopened).status).toBe('conflict');
  });

  it('my store-made reopen against their closing is not a decision: theirs stands and my treated change reopens again on push', () => {
    const accepted = review(step('submit'), step('accept'));
    expect(mergeReview(accepted, review(step('submit'), step('accept'), step('reopen')), review(step('submit'), step('accept'), step('close')))).toEqual({ status: 'settled' });
  });
});
