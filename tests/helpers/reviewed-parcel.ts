// One parcel's story for the as-of and period tests: treated in 2021 and 2023, submitted and
// accepted in autumn 2023, then reopened in May 2024 when the 2023 polygon was widened.
import type { Programme, TreatedFeature } from '../../src/domain/model.ts';
import type { ReviewEvent } from '../../src/domain/review.ts';
import { deepFreeze, rect } from './analysis-features.ts';
import { fieldProgramme, treatedFeature } from './field-store.ts';

export const P = 'T-M1-P1';
export const early = treatedFeature('T-T1', { date: '2021-04-01' });
export const late = treatedFeature('T-T2', { date: '2023-09-15' }, rect(118.52, 40.10, 118.53, 40.11));
export const reshaped: TreatedFeature = deepFreeze({ ...late, geometry: rect(118.52, 40.10, 118.54, 40.12) });
/** The programme before the widening, and now, with the 2023 polygon in its widened shape. */
export const programmeBefore: Programme = fieldProgramme([early, late]);
export const programmeNow: Programme = { ...programmeBefore, treated: { type: 'FeatureCollection', features: [early, reshaped] } };

export const storyEvents: ReviewEvent[] = [
  { action: 'submit', status: 'treated', at: '2023-10-01T02:00:00Z', who: '赵军', note: '' },
  { action: 'accept', status: 'accepted', at: '2023-11-20T02:00:00Z', who: '王审', note: '', accepted: [early, late] },
  { action: 'reopen', status: 'treated', at: '2024-05-06T02:00:00Z', who: '赵军', note: '', treated_id: 'T-T2', change: 'reshaped' },
];
