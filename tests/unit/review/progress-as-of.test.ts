// Progress as of a date between two treatments of a hand-made programme: the worker measures
// the treated polygons as they stood then (the accepted shape, not the one reshaped later) and
// leaves the loaded programme's figures alone; accepted area follows the statuses of that day.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { ParcelTreated } from '../../../src/domain/analysis-types.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import type { Programme, TreatedFeature } from '../../../src/domain/model.ts';
import { parcelsWithTreated } from '../../../src/domain/parcels-with-treated.ts';
import { programmeAsOf } from '../../../src/domain/programme-as-of.ts';
import type { ParcelReview } from '../../../src/domain/review.ts';
import { targetProgress } from '../../../src/domain/target-progress.ts';
import type { AnalysisResponse } from '../../../src/workers/analysis-protocol.ts';
import { applyResults } from '../../../src/workers/analysis-results.ts';
import { createAnalysisSession } from '../../../src/workers/analysis-session.ts';
import { packFeatures } from '../../../src/workers/packed-features.ts';
import { deepFreeze, rect } from '../../helpers/analysis-features.ts';
import { fieldProgramme, treatedFeature } from '../../helpers/field-store.ts';

const P = 'T-M1-P1';
// Inside parcel T-M1-P1 (118.49–118.56 E, 40.09–40.12 N), apart from each other.
const S1 = rect(118.50, 40.10, 118.51, 40.11);
const S1_WIDENED = rect(118.50, 40.10, 118.515, 40.11);
const S2 = rect(118.52, 40.10, 118.53, 40.11);
const A = (p: Polygon): number => ellipsoidalArea(p);

const early = treatedFeature('T-T1', { date: '2021-04-01' }, S1);
const late = treatedFeature('T-T2', { date: '2023-09-15' }, S2);
const widened: TreatedFeature = deepFreeze({ ...early, geometry: S1_WIDENED });
/** Accepted with the early polygon in 2021; reopened when that polygon was widened in 2023. */
const review: ParcelReview = deepFreeze({
  parcel_id: P,
  status: 'treated',
  events: [
    { action: 'submit', status: 'treated', at: '2021-05-01T02:00:00Z', who: '赵军', note: '' },
    { action: 'accept', status: 'accepted', at: '2021-06-01T02:00:00Z', who: '王审', note: '', accepted: [early] },
    { action: 'reopen', status: 'treated', at: '2023-01-10T02:00:00Z', who: '赵军', note: '', treated_id: 'T-T1', change: 'reshaped' },
  ],
});
const reviews = new Map([[P, review]]);
const base = fieldProgramme([]);
const now: Programme = deepFreeze({
  ...base,
  treated: { type: 'FeatureCollection', features: [widened, late] },
  targets: { rows: [{ township_id: 'T-TS1', category_group: 'closed_and_abandoned', year: 2021, to_year: 2022, target_mu: 30 }], stated_totals: [], source: 'test' },
});

async function session() {
  const messages: AnalysisResponse[] = [];
  const send = createAnalysisSession((m) => messages.push(m));
  await send({ type: 'load', requestId: 1, distances: GENERAL_PRESET.distances, parcels: packFeatures(now.parcels.features), zones: packFeatures([]), treated: packFeatures(now.treated.features), mines: now.mines });
  return { messages, send };
}

describe('treated figures as of a date', () => {
  it('measures the polygons as they stood at the end of the day: the accepted shape, not the later one', async () => {
    const { messages, send } = await session();
    await send({ type: 'treatedAsOf', requestId: 2, treated: programmeAsOf(now, reviews, '2022-06-30').treated.features });
    await send({ type: 'treatedAsOf', requestId: 3, treated: programmeAsOf(now, reviews, '2023-12-31').treated.features });
    const answer = (id: number): ParcelTreated => {
      const m = messages.find((x) => x.type === 'treatedAsOf' && x.requestId === id);
      if (m?.type !== 'treatedAsOf') throw new Error(`no answer to request ${id}`);
      return m.parcels.find((p) => p.id === P)!;
    };
    expect(answer(2).treated_m2).toBeCloseTo(A(S1), 3);
    expect(Object.keys(answer(2).treated_by_year)).toEqual(['2021']);
    expect(answer(3).treated_m2).toBeCloseTo(A(S1_WIDENED) + A(S2), 3);
    expect(answer(3).treated_by_year['2023']).toBeCloseTo(A(S2), 3);
  });

  it('leaves the loaded programme’s figures as they were', async () => {
    const { messages, send } = await session();
    await send({ type: 'treatedAsOf', requestId: 2, treated: [] });
    await send({ type: 'updateTreated', requestId: 3, change: { deleted: 'none' } });
    const results = messages.filter((m) => m.type === 'results');
    expect(results).toHaveLength(2);
    const loaded = applyResults(null, results[0]!);
    const after = applyResults(loaded, results[1]!);
    expect(after.parcels.find((p) => p.id === P)).toEqual(loaded.parcels.find((p) => p.id === P));
    expect(after.parcels.find((p) => p.id === P)!.treated_m2).toBeCloseTo(A(S1_WIDENED) + A(S2), 3);
  });
});

describe('progress as of a date', () => {
  it('counts as accepted what was accepted then, and gives the period the treated area of its years then', async () => {
    const { messages, send } = await session();
    const then = programmeAsOf(now, reviews, '2022-06-30');
    await send({ type: 'treatedAsOf', requestId: 2, treated: then.treated.features });
    const answer = messages.find((m) => m.type === 'treatedAsOf');
    const loaded = messages.find((m) => m.type === 'results');
    if (answer?.type !== 'treatedAsOf' || loaded?.type !== 'results') throw new Error('no answers');
    const parcels = parcelsWithTreated(applyResults(null, loaded).parcels, answer.parcels);
    const statuses = new Map(then.parcels.features.map((f) => [f.properties.id, f.properties.status]));
    const progress = targetProgress({ targets: now.targets, townships: now.townships, mines: now.mines, parcels, statuses });
    expect(statuses.get(P)).toBe('accepted');
    expect(progress.total.treated_m2).toBeCloseTo(A(S1), 3);
    expect(progress.total.accepted_m2).toBeCloseTo(A(S1), 3);
    expect(progress.spans).toHaveLength(1);
    expect(progress.spans[0]).toMatchObject({ year: 2021, to_year: 2022, target_mu: 30 });
    expect(progress.spans[0]!.treated_m2).toBeCloseTo(A(S1), 3);
    expect(parcels.find((p) => p.id === P)!.treatment_rate).toBeCloseTo(A(S1) / A(now.parcels.features[0]!.geometry as Polygon), 9);
  });
});
