// The programme over a period: polygons treated within it told apart from earlier work, their
// area (checked against the closed-form area of a latitude–longitude quadrangle on GRS80), and
// the acceptance decisions taken within it.
import { describe, expect, it } from 'vitest';
import { programmeInPeriod } from '../../../src/domain/programme-in-period.ts';
import type { ParcelReview } from '../../../src/domain/review.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';
import { P, programmeNow, storyEvents } from '../../helpers/reviewed-parcel.ts';

const programme = programmeNow;
const reviews = new Map<string, ParcelReview>([[P, deepFreeze({
  parcel_id: P,
  status: 'rejected',
  events: [...storyEvents, { action: 'send_back', status: 'rejected', at: '2024-06-01T02:00:00Z', who: '王审', note: '坡面未复绿' }],
})]]);

/** Area between two parallels over a span of longitude on GRS80 (authalic latitude, closed form). */
function quadrangleM2(west: number, south: number, east: number, north: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const q = (deg: number) => {
    const s = Math.sin((deg * Math.PI) / 180);
    return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
  };
  return (a * a * (1 - e2) / 2) * ((east - west) * Math.PI / 180) * (q(north) - q(south));
}

const inPeriod = (from: string, to: string) => programmeInPeriod(programme, reviews, from, to);
const flags = (from: string, to: string) => Object.fromEntries(inPeriod(from, to).treated.features.map((f) => [f.properties.id, f.properties.in_period]));

describe('programme over a period', () => {
  it('tells the polygons treated within the period from earlier ones', () => {
    expect(flags('2023-01-01', '2023-12-31')).toEqual({ 'T-T1': false, 'T-T2': true });
    expect(flags('2021-04-01', '2021-04-01')).toEqual({ 'T-T1': true });
    expect(flags('2024-01-01', '2024-12-31')).toEqual({ 'T-T1': false, 'T-T2': false });
  });

  it('adds up the area of the polygons treated within it, in the shape they had at its end', () => {
    const summary = inPeriod('2023-01-01', '2023-12-31').summary;
    expect(summary.treated).toBe(1);
    // The accepted (frozen) shape, not the later reshaped one.
    expect(summary.treated_m2 / quadrangleM2(118.52, 40.10, 118.53, 40.11)).toBeCloseTo(1, 4);
    expect(inPeriod('2022-01-01', '2022-12-31').summary.treated).toBe(0);
  });

  it('counts acceptance decisions taken within it, both end days included', () => {
    expect(inPeriod('2023-01-01', '2023-12-31').summary).toMatchObject({ accepted: 1, sent_back: 0, closed: 0 });
    expect(inPeriod('2023-11-21', '2024-06-01').summary).toMatchObject({ accepted: 0, sent_back: 1 });
    expect(inPeriod('2023-11-20', '2023-11-20').summary.accepted).toBe(1);
    expect(inPeriod('2024-06-02', '2030-01-01').summary).toMatchObject({ accepted: 0, sent_back: 0, closed: 0 });
  });

  it('shows statuses as they stood at the end of the period', () => {
    const status = (to: string) => inPeriod('2020-01-01', to).parcels.features.find((p) => p.properties.id === P)!.properties.status;
    expect(status('2023-12-31')).toBe('accepted');
    expect(status('2024-06-01')).toBe('rejected');
  });
});
