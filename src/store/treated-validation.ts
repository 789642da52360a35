// Checks a treated polygon's attributes against the code lists of DOMAIN.md and the programme's
// own parcels and mines. One problem per field, each naming the value, so a form can show it
// beside the field and a refused backup can say which feature is wrong.
import { MEASURES, RESTORATION_DIRECTIONS, type TreatedProperties } from '../domain/model.ts';
import { validateGeometry } from '../domain/geometry-validation.ts';
import { isCalendarDate } from './calendar-date.ts';
import type { Problem } from './problem.ts';
import type { ReferenceContext } from './reference-context.ts';

export const ATTRIBUTE_PROBLEMS = [
  'missing', 'bad_format', 'future_date', 'too_early', 'unknown_code', 'unknown_reference', 'mismatch', 'too_long', 'unknown_field',
] as const;
export type AttributeProblem = (typeof ATTRIBUTE_PROBLEMS)[number];

const FIELDS = ['id', 'parcel_id', 'mine_id', 'date', 'measure', 'direction', 'surveyor', 'note', 'source_attributes'] as const satisfies readonly (keyof TreatedProperties)[];
export const FEATURE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/** Earlier dates are typing slips (0202 for 2020); the programmes reach back to the 1990s at most. */
const EARLIEST_DATE = '1950-01-01';
const MAX_SURVEYOR = 100;
const MAX_NOTE = 2000;

type Fields = Partial<Record<string, unknown>>;
type Add = (field: string, code: AttributeProblem, reason: string) => void;

function checkCode(fields: Fields, field: 'measure' | 'direction', allowed: readonly string[], add: Add): void {
  const value = fields[field];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    add(field, 'unknown_code', `${field} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
}

function checkDate(value: unknown, today: string, add: Add): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    add('date', 'bad_format', `date ${JSON.stringify(value)} is not a calendar date in yyyy-mm-dd form`);
  } else if (value > today) {
    add('date', 'future_date', `date ${value} is after today (${today})`);
  } else if (value < EARLIEST_DATE) {
    add('date', 'too_early', `date ${value} is before ${EARLIEST_DATE}; a typing slip?`);
  }
}

function checkText(value: unknown, field: 'surveyor' | 'note', max: number, required: boolean, add: Add): void {
  if (typeof value !== 'string') add(field, 'missing', `${field} is not text`);
  else if (required && value.trim() === '') add(field, 'missing', `${field} is empty`);
  else if (value.length > max) add(field, 'too_long', `${field} has ${value.length} characters; at most ${max}`);
}

/** Attributes an import kept from its file: a flat record of scalars (see SourceAttributes). */
function checkSourceAttributes(value: unknown, add: Add): void {
  if (value === undefined) return;
  const scalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every(scalar)) {
    add('source_attributes', 'bad_format', 'source_attributes is not a record of plain values');
  }
}

function checkLinks(fields: Fields, context: ReferenceContext, add: Add): void {
  const parcel = fields['parcel_id'];
  const mine = fields['mine_id'];
  if (mine !== null && (typeof mine !== 'string' || !context.mineIds.has(mine))) {
    add('mine_id', 'unknown_reference', `mine ${JSON.stringify(mine)} is not in this programme`);
  }
  if (parcel === null) return;
  const parcelMine = typeof parcel === 'string' ? context.parcelMine.get(parcel) : undefined;
  if (parcelMine === undefined) add('parcel_id', 'unknown_reference', `parcel ${JSON.stringify(parcel)} is not in this programme`);
  else if (parcelMine !== mine) {
    add('mine_id', 'mismatch', `parcel ${String(parcel)} belongs to mine ${parcelMine}, not ${mine === null ? 'no mine' : String(mine)}`);
  }
}

/** Problems with a complete set of treated-polygon properties (empty when valid). */
export function validateTreatedProperties(value: unknown, context: ReferenceContext): Problem[] {
  if (typeof value !== 'object' || value === null) return [{ field: 'properties', code: 'missing', reason: 'the feature has no properties' }];
  const fields = value as Fields;
  const problems: Problem[] = [];
  const add: Add = (field, code, reason) => void problems.push({ field, code, reason });
  const id = fields['id'];
  if (typeof id !== 'string' || !FEATURE_ID.test(id)) add('id', 'bad_format', `id ${JSON.stringify(id)} is not 1–64 letters, digits or _.:-`);
  for (const key of Object.keys(fields)) {
    if (!(FIELDS as readonly string[]).includes(key)) add(key, 'unknown_field', `${key} is not an attribute of a treated polygon`);
  }
  checkLinks(fields, context, add);
  checkDate(fields['date'], context.today, add);
  checkCode(fields, 'measure', MEASURES, add);
  checkCode(fields, 'direction', RESTORATION_DIRECTIONS, add);
  checkText(fields['surveyor'], 'surveyor', MAX_SURVEYOR, true, add);
  checkText(fields['note'], 'note', MAX_NOTE, false, add);
  checkSourceAttributes(fields['source_attributes'], add);
  return problems;
}

/**
 * Problems with a whole treated feature: GeoJSON shape, geometry structure (the topology check
 * needs GEOS and is made separately, see geometry-check.ts) and attributes.
 */
export function validateTreatedFeature(value: unknown, context: ReferenceContext): Problem[] {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'Feature') {
    return [{ field: 'feature', code: 'malformed', reason: 'not a GeoJSON Feature' }];
  }
  const feature = value as { geometry?: unknown; properties?: unknown };
  const problems = validateTreatedProperties(feature.properties, context);
  const geometry = validateGeometry(feature.geometry, 'area');
  if (!geometry.valid) problems.push({ field: 'geometry', code: geometry.code, reason: geometry.reason });
  return problems;
}
