// The programme as of a date: statuses from acceptance steps and treatment dates, treated
// polygons done by then, and accepted polygons shown as accepted while the acceptance stood.
import { describe, expect, it } from 'vitest';
import type { Programme } from '../../../src/domain/model.ts';
import { statusAsOf } from '../../../src/domain/parcel-status.ts';
import { programmeAsOf } from '../../../src/domain/programme-as-of.ts';
import type { ParcelReview } from '../../../src/domain/review.ts';
import { currentStatuses } from '../../../src/domain/current-statuses.ts';
import { deepFreeze, rect } from '../../helpers/analysis-features.ts';
import { fieldProgramme, treatedFeature } from '../../helpers/field-store.ts';
import { early, late, P, programmeBefore, programmeNow, reshaped, storyEvents } from '../../helpers/reviewed-parcel.ts';

const review: ParcelReview = deepFreeze({ parcel_id: P, status: 'treated', events: storyEvents });
const reviews = new Map([[P, review]]);
const programme = programmeBefore;
const now = programmeNow;
const ids = (date: string) => programmeAsOf(now, reviews, date).treated.features.map((f) => f.properties.id);
const statusOf = (date: string) => programmeAsOf(now, reviews, date).parcels.features.find((f) => f.properties.id === P)!.properties.status;

describe('status as of a date', () => {
  it('follows the treatment dates before the first acceptance step, then the steps', () => {
    expect(statusOf('2020-12-31')).toBe('untreated');
    expect(statusOf('2021-04-01')).toBe('in_progress');
    expect(statusOf('2023-09-15')).toBe('in_progress'); // the programme records it in progress
    expect(statusOf('2023-10-01')).toBe('treated');
    expect(statusOf('2023-11-20')).toBe('accepted');
    expect(statusOf('2024-05-06')).toBe('treated');
  });

  it('uses the programme’s record once all work is done and no step was recorded', () => {
    expect(statusAsOf('accepted', undefined, ['2021-01-01', '2021-06-01'], '2022-01-01')).toBe('accepted');
    expect(statusAsOf('accepted', undefined, ['2021-01-01', '2021-06-01'], '2021-03-01')).toBe('in_progress');
    expect(statusAsOf('untreated', undefined, [], '2030-01-01')).toBe('untreated');
  });
});

describe('treated polygons as of a date', () => {
  it('shows only polygons treated by then', () => {
    expect(ids('2021-03-31')).toEqual([]);
    expect(ids('2021-04-01')).toEqual(['T-T1']);
    expect(ids('2023-09-15')).toEqual(['T-T1', 'T-T2']);
  });

  it('shows the accepted shape while the acceptance stood, and the new one after the reopening', () => {
    const geometryOn = (date: string) => programmeAsOf(now, reviews, date).treated.features.find((f) => f.properties.id === 'T-T2')!.geometry;
    expect(geometryOn('2024-01-01')).toEqual(late.geometry);
    expect(geometryOn('2024-05-06')).toEqual(reshaped.geometry);
    // Before the acceptance there is no frozen version to show: the current shape stands in.
    expect(geometryOn('2023-10-01')).toEqual(reshaped.geometry);
  });

  it('brings back an accepted polygon deleted later, for the days it was accepted', () => {
    const deleted: Programme = { ...programme, treated: { type: 'FeatureCollection', features: [early] } };
    expect(programmeAsOf(deleted, reviews, '2024-01-01').treated.features.map((f) => f.properties.id)).toEqual(['T-T1', 'T-T2']);
    expect(programmeAsOf(deleted, reviews, '2024-06-01').treated.features.map((f) => f.properties.id)).toEqual(['T-T1']);
  });
});

describe('current statuses', () => {
  it('take the last step, else the record, and call an untreated parcel with treated work in progress', () => {
    const statuses = currentStatuses(programme, reviews);
    expect(statuses.get(P)).toBe('treated');
    const noWork = fieldProgramme([treatedFeature('T-T9', { parcel_id: 'T-M2-P1', mine_id: 'T-M2' }, rect(118.60, 40.09, 118.605, 40.095))]);
    expect(currentStatuses(noWork, new Map()).get('T-M2-P1')).toBe('in_progress');
  });
});
