import { describe, expect, it } from 'vitest';
import { isCalendarDate, localIsoDate } from '../../../src/store/calendar-date.ts';
import { referenceContext } from '../../../src/store/reference-context.ts';
import { validateTreatedFeature, validateTreatedProperties } from '../../../src/store/treated-validation.ts';
import { demoProgramme } from '../../helpers/demo-files.ts';
import { reference, treatedFeature } from '../../helpers/field-store.ts';

const valid = treatedFeature('T-T9').properties;

describe('treated polygon attributes', () => {
  it('accepts a complete, consistent set', () => {
    expect(validateTreatedProperties(valid, reference)).toEqual([]);
  });

  it('accepts a polygon tied to a mine but no parcel, or to nothing', () => {
    expect(validateTreatedProperties({ ...valid, parcel_id: null }, reference)).toEqual([]);
    expect(validateTreatedProperties({ ...valid, parcel_id: null, mine_id: null }, reference)).toEqual([]);
  });

  it.each([
    ['a date in the future', { date: '2025-11-21' }, 'date', 'future_date', /2025-11-21 is after today \(2025-11-20\)/],
    ['an impossible date', { date: '2025-02-30' }, 'date', 'bad_format', /"2025-02-30" is not a calendar date/],
    ['a date without zero padding', { date: '2025-6-1' }, 'date', 'bad_format', /yyyy-mm-dd/],
    ['a typing-slip year', { date: '0202-06-01' }, 'date', 'too_early', /before 1950-01-01/],
    ['an unknown measure', { measure: 'replanting' }, 'measure', 'unknown_code', /"replanting" is not one of engineering, landform, vegetation/],
    ['an unknown direction', { direction: 'lake' }, 'direction', 'unknown_code', /farmland, forest, grassland, construction, natural/],
    ['a blank surveyor', { surveyor: '   ' }, 'surveyor', 'missing', /surveyor is empty/],
    ['an unknown parcel', { parcel_id: 'X-P9' }, 'parcel_id', 'unknown_reference', /parcel "X-P9" is not in this programme/],
    ['an unknown mine', { parcel_id: null, mine_id: 'X-M9' }, 'mine_id', 'unknown_reference', /mine "X-M9"/],
    ['a parcel of another mine', { mine_id: 'T-M2' }, 'mine_id', 'mismatch', /parcel T-M1-P1 belongs to mine T-M1, not T-M2/],
    ['a parcel without its mine', { mine_id: null }, 'mine_id', 'mismatch', /not no mine/],
    ['an id with spaces', { id: 'my polygon' }, 'id', 'bad_format', /"my polygon"/],
    ['an overlong note', { note: 'x'.repeat(2001) }, 'note', 'too_long', /2001 characters; at most 2000/],
  ])('refuses %s with a message for that field', (_name, change, field, code, reason) => {
    const problems = validateTreatedProperties({ ...valid, ...change }, reference);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field, code });
    expect(problems[0]!.reason).toMatch(reason);
  });

  it('accepts the attributes an import kept from its file, if they are plain values', () => {
    expect(validateTreatedProperties({ ...valid, source_attributes: { 核查单位: '迁安市自然资源局', 图斑面积: 1234.5 } }, reference)).toEqual([]);
    expect(validateTreatedProperties({ ...valid, source_attributes: { nested: { a: 1 } } }, reference)[0]).toMatchObject({ field: 'source_attributes', code: 'bad_format' });
  });

  it('refuses attributes that a treated polygon does not have', () => {
    expect(validateTreatedProperties({ ...valid, area_mu: 3 }, reference)).toEqual([
      { field: 'area_mu', code: 'unknown_field', reason: 'area_mu is not an attribute of a treated polygon' },
    ]);
  });

  it('reports every wrong field at once', () => {
    const problems = validateTreatedProperties({ ...valid, date: '2030-01-01', surveyor: '', measure: 'x' }, reference);
    expect(problems.map((p) => p.field).sort()).toEqual(['date', 'measure', 'surveyor']);
  });

  it('checks the geometry structure of a whole feature', () => {
    const feature = { ...treatedFeature('T-T9'), geometry: { type: 'Point', coordinates: [118.5, 40.1] } };
    expect(validateTreatedFeature(feature, reference)).toEqual([
      { field: 'geometry', code: 'wrong_type', reason: 'wrong geometry type Point; expected Polygon or MultiPolygon' },
    ]);
  });

  it('accepts every treated polygon of the demo programme', () => {
    const demo = demoProgramme();
    const context = referenceContext(demo, new Date('2026-01-01T00:00:00Z'));
    const problems = demo.treated.features.flatMap((f) => validateTreatedFeature(f, context).map((p) => `${f.properties.id}: ${p.reason}`));
    expect(problems).toEqual([]);
  });
});

describe('calendar dates', () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
  });

  it('takes "today" from the local calendar, not UTC', () => {
    const lateEvening = new Date(2025, 10, 20, 23, 30);
    expect(localIsoDate(lateEvening)).toBe('2025-11-20');
  });
});
