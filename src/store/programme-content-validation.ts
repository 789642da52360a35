// Checks a whole programme received as JSON (a publish to the server) before any of it is stored:
// shape, ids, code lists, references between layers, geometry structure, acceptance records,
// targets and sizes. Problems name the layer, the feature and the field; the first few are kept,
// since a file with thousands of the same fault needs only its first examples.
import { validateBufferDistance } from '../domain/buffer-presets.ts';
import { validateGeometry, type GeometryUse } from '../domain/geometry-validation.ts';
import { DAMAGE_TYPES, MINE_CATEGORIES, PARCEL_STATUSES, RESTORATION_DIRECTIONS, ZONE_TYPES } from '../domain/model.ts';
import { PROGRAMME_AREA_LEVELS } from '../domain/programme-content.ts';
import type { Problem } from './problem.ts';
import { reviewProblems } from './review-validation.ts';
import { targetTableProblems } from './targets-validation.ts';
import { FEATURE_ID, validateTreatedFeature } from './treated-validation.ts';
import type { ReferenceContext } from './reference-context.ts';
import { localIsoDate } from './calendar-date.ts';

export interface ProgrammeContentLimits {
  /** Townships, mines, parcels, zones, treated polygons and reviews together. */
  maxFeatures: number;
  maxVertices: number;
}

const MAX_TEXT = 500;
const MAX_NOTE = 2000;
const MAX_PROBLEMS = 20;

type Fields = Partial<Record<string, unknown>>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const PARCEL_FIELDS = ['id', 'mine_id', 'name', 'damage_type', 'direction', 'status', 'tbdl', 'tbxl', 'note', 'source_attributes'];
const ZONE_FIELDS = ['id', 'name', 'name_en', 'zone_type', 'note', 'source_attributes'];
const MINE_FIELDS = ['id', 'name', 'name_en', 'mineral', 'township_id', 'category', 'responsible_party', 'location'];

class Collector {
  readonly problems: Problem[] = [];
  vertices = 0;

  add(field: string, code: string, reason: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ field, code, reason });
  }

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function checkText(c: Collector, where: string, fields: Fields, field: string, options: { max?: number; required?: boolean; nullable?: boolean; optional?: boolean } = {}): void {
  const value = fields[field];
  if (value === undefined && options.optional) return;
  if (value === null && options.nullable) return;
  if (typeof value !== 'string') c.add(field, 'missing', `${where}: ${field} is ${shown(value)}, not text`);
  else if (options.required && value.trim() === '') c.add(field, 'missing', `${where}: ${field} is empty`);
  else if (value.length > (options.max ?? MAX_TEXT)) c.add(field, 'too_long', `${where}: ${field} has ${value.length} characters; at most ${options.max ?? MAX_TEXT}`);
}

function checkCode(c: Collector, where: string, fields: Fields, field: string, codes: readonly string[]): void {
  const value = fields[field];
  if (typeof value !== 'string' || !codes.includes(value)) c.add(field, 'unknown_code', `${where}: ${field} ${shown(value)} is not one of ${codes.join(', ')}`);
}

function checkId(c: Collector, where: string, value: unknown, seen: Set<string>): value is string {
  if (typeof value !== 'string' || !FEATURE_ID.test(value)) {
    c.add('id', 'bad_format', `${where}: id ${shown(value)} is not 1–64 letters, digits or _.:-`);
    return false;
  }
  if (seen.has(value)) {
    c.add('id', 'duplicate_id', `${where}: id ${value} is used twice`);
    return false;
  }
  seen.add(value);
  return true;
}

function checkKeys(c: Collector, where: string, fields: Fields, allowed: readonly string[]): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) c.add(key, 'unknown_field', `${where}: ${shown(key)} is not a field the server keeps (put it into source_attributes)`);
  }
}

function checkSourceAttributes(c: Collector, where: string, value: unknown): void {
  if (value === undefined) return;
  const scalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!isObject(value) || !Object.values(value).every(scalar)) c.add('source_attributes', 'bad_format', `${where}: source_attributes is not a record of plain values`);
}

function checkGeometry(c: Collector, where: string, geometry: unknown, use: GeometryUse, limits: ProgrammeContentLimits): void {
  const check = validateGeometry(geometry, use);
  if (!check.valid) {
    c.add('geometry', check.code, `${where}: ${check.reason}`);
    return;
  }
  c.vertices += check.packed.xy.length / 2;
  if (c.vertices > limits.maxVertices) c.add('geometry', 'too_many_vertices', `the programme has more than ${limits.maxVertices} vertices`);
}

/** The features of a collection, or a problem saying it is not one. */
function features(c: Collector, layer: string, value: unknown): Fields[] {
  if (!isObject(value) || value['type'] !== 'FeatureCollection' || !Array.isArray(value['features'])) {
    c.add(layer, 'malformed', `${layer} is not a GeoJSON FeatureCollection`);
    return [];
  }
  return value['features'].map((f: unknown, i) => {
    if (!isObject(f) || f['type'] !== 'Feature' || !isObject(f['properties'])) {
      c.add(layer, 'malformed', `${layer} feature ${i + 1} is not a GeoJSON Feature with properties`);
      return {};
    }
    return f;
  });
}

function checkTownships(c: Collector, value: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(value)) {
    c.add('townships', 'malformed', 'programme.townships is not a list');
    return ids;
  }
  value.forEach((t: unknown, i) => {
    const where = `township ${i + 1}`;
    if (!isObject(t)) return c.add('townships', 'malformed', `${where} is not an object`);
    checkId(c, where, t['id'], ids);
    checkText(c, where, t, 'name', { required: true });
    checkText(c, where, t, 'name_en');
  });
  return ids;
}

function checkLocation(c: Collector, where: string, value: unknown): void {
  const ok = Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
    && Math.abs(value[0] as number) <= 180 && Math.abs(value[1] as number) <= 90;
  if (!ok) c.add('location', 'out_of_range', `${where}: location ${shown(value)} is not [longitude, latitude]`);
}

function checkMines(c: Collector, value: unknown, townships: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(value)) {
    c.add('mines', 'malformed', 'programme.mines is not a list');
    return ids;
  }
  value.forEach((m: unknown, i) => {
    if (!isObject(m)) return c.add('mines', 'malformed', `mine ${i + 1} is not an object`);
    const where = `mine ${typeof m['id'] === 'string' ? m['id'] : i + 1}`;
    checkId(c, where, m['id'], ids);
    checkKeys(c, where, m, MINE_FIELDS);
    checkText(c, where, m, 'name', { required: true });
    checkText(c, where, m, 'name_en');
    checkText(c, where, m, 'mineral');
    checkText(c, where, m, 'responsible_party', { nullable: true });
    checkCode(c, where, m, 'category', MINE_CATEGORIES);
    if (typeof m['township_id'] !== 'string' || !townships.has(m['township_id'])) c.add('township_id', 'unknown_reference', `${where}: township ${shown(m['township_id'])} is not in this programme`);
    checkLocation(c, where, m['location']);
  });
  return ids;
}

function checkParcels(c: Collector, list: Fields[], mines: ReadonlySet<string>, limits: ProgrammeContentLimits): Map<string, string> {
  const parcelMine = new Map<string, string>();
  const ids = new Set<string>();
  for (const [i, f] of list.entries()) {
    if (c.full) break;
    const p = (f['properties'] ?? {}) as Fields;
    const where = `parcel ${typeof p['id'] === 'string' ? p['id'] : i + 1}`;
    const idOk = checkId(c, where, p['id'], ids);
    checkKeys(c, where, p, PARCEL_FIELDS);
    if (typeof p['mine_id'] !== 'string' || !mines.has(p['mine_id'])) c.add('mine_id', 'unknown_reference', `${where}: mine ${shown(p['mine_id'])} is not in this programme`);
    else if (idOk) parcelMine.set(p['id'] as string, p['mine_id']);
    checkText(c, where, p, 'name');
    checkCode(c, where, p, 'damage_type', DAMAGE_TYPES);
    checkCode(c, where, p, 'direction', RESTORATION_DIRECTIONS);
    checkCode(c, where, p, 'status', PARCEL_STATUSES);
    checkText(c, where, p, 'tbdl', { nullable: true, max: 20 });
    checkText(c, where, p, 'tbxl', { nullable: true, optional: true, max: 20 });
    checkText(c, where, p, 'note', { max: MAX_NOTE });
    checkSourceAttributes(c, where, p['source_attributes']);
    checkGeometry(c, where, f['geometry'], 'area', limits);
  }
  return parcelMine;
}

function checkZones(c: Collector, list: Fields[], limits: ProgrammeContentLimits): void {
  const ids = new Set<string>();
  for (const [i, f] of list.entries()) {
    if (c.full) break;
    const p = (f['properties'] ?? {}) as Fields;
    const where = `zone ${typeof p['id'] === 'string' ? p['id'] : i + 1}`;
    checkId(c, where, p['id'], ids);
    checkKeys(c, where, p, ZONE_FIELDS);
    checkText(c, where, p, 'name');
    checkText(c, where, p, 'name_en');
    checkCode(c, where, p, 'zone_type', ZONE_TYPES);
    checkText(c, where, p, 'note', { max: MAX_NOTE });
    checkSourceAttributes(c, where, p['source_attributes']);
    checkGeometry(c, where, f['geometry'], 'zone', limits);
  }
}

function checkTreated(c: Collector, list: Fields[], context: ReferenceContext, limits: ProgrammeContentLimits): void {
  const ids = new Set<string>();
  for (const [i, f] of list.entries()) {
    if (c.full) break;
    const p = (f['properties'] ?? {}) as Fields;
    const where = `treated polygon ${typeof p['id'] === 'string' ? p['id'] : i + 1}`;
    checkId(c, where, p['id'], ids);
    for (const problem of validateTreatedFeature(f, context)) c.add(problem.field, problem.code, `${where}: ${problem.reason}`);
    const check = validateGeometry(f['geometry'], 'area');
    if (check.valid) c.vertices += check.packed.xy.length / 2;
  }
  if (c.vertices > limits.maxVertices) c.add('geometry', 'too_many_vertices', `the programme has more than ${limits.maxVertices} vertices`);
}

function checkReviews(c: Collector, value: unknown, parcels: ReadonlyMap<string, string>): void {
  if (!Array.isArray(value)) return c.add('reviews', 'malformed', 'reviews is not a list');
  const seen = new Set<string>();
  for (const r of value as unknown[]) {
    if (c.full) break;
    const parcelId = isObject(r) && typeof r['parcel_id'] === 'string' ? r['parcel_id'] : '';
    if (seen.has(parcelId)) c.add('reviews', 'duplicate_id', `parcel ${parcelId} has two acceptance records`);
    seen.add(parcelId);
    for (const problem of reviewProblems(parcelId, r, parcels)) c.add(problem.field, problem.code, `acceptance record of parcel ${shown(parcelId)}: ${problem.reason}`);
  }
}

function checkDistances(c: Collector, value: unknown): void {
  if (!isObject(value)) return c.add('bufferDistances', 'malformed', 'bufferDistances is not an object of zone type → metres');
  for (const [type, metres] of Object.entries(value)) {
    const problem = validateBufferDistance(type, metres);
    if (problem) c.add('bufferDistances', 'bad_format', problem);
  }
  const missing = ZONE_TYPES.filter((t) => value[t] === undefined);
  if (missing.length > 0) c.add('bufferDistances', 'missing', `bufferDistances has no distance for ${missing.join(', ')}`);
}

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Problems with a programme received whole (empty when it may be stored). `now` dates the treated polygons' "not in the future" check. */
export function programmeContentProblems(value: unknown, limits: ProgrammeContentLimits, now: Date): Problem[] {
  const c = new Collector();
  if (!isObject(value) || !isObject(value['programme'])) {
    c.add('programme', 'malformed', 'the body is not a programme: an object with programme, areaLevel, bufferDistances and reviews');
    return c.problems;
  }
  checkKeys(c, 'the body', value, ['programme', 'areaLevel', 'bufferDistances', 'reviews']);
  const p = value['programme'];
  checkKeys(c, 'programme', p, ['id', 'name', 'name_en', 'county', 'townships', 'mines', 'parcels', 'treated', 'zones', 'targets']);
  checkId(c, 'programme', p['id'], new Set());
  checkText(c, 'programme', p, 'name', { required: true });
  checkText(c, 'programme', p, 'name_en');
  checkText(c, 'programme', p, 'county');
  checkCode(c, 'programme', value, 'areaLevel', PROGRAMME_AREA_LEVELS);
  checkDistances(c, value['bufferDistances']);
  const parcels = features(c, 'parcels', p['parcels']);
  const treated = features(c, 'treated', p['treated']);
  const zones = features(c, 'zones', p['zones']);
  const total = count(p['townships']) + count(p['mines']) + parcels.length + treated.length + zones.length + count(value['reviews']);
  if (total > limits.maxFeatures) {
    c.add('programme', 'too_many_features', `the programme has ${total} features and records, more than the limit of ${limits.maxFeatures}`);
    return c.problems;
  }
  const townships = checkTownships(c, p['townships']);
  const mines = checkMines(c, p['mines'], townships);
  const parcelMine = checkParcels(c, parcels, mines, limits);
  checkZones(c, zones, limits);
  const context: ReferenceContext = { today: localIsoDate(now), parcelMine, mineIds: mines };
  checkTreated(c, treated, context, limits);
  checkReviews(c, value['reviews'], parcelMine);
  for (const problem of targetTableProblems(p['targets'], townships)) c.add(problem.field, problem.code, `targets: ${problem.reason}`);
  return c.problems;
}


/**
 * Reference records added to a stored programme (an import-features edit pushed to the server),
 * by the same rules as a publish: `known` holds the programme's townships and mines, which the
 * new mines and parcels may name besides their own.
 */
export function importedFeaturesProblems(value: unknown, known: { townships: ReadonlySet<string>; mines: ReadonlySet<string> }, limits: ProgrammeContentLimits): Problem[] {
  const c = new Collector();
  if (!isObject(value)) {
    c.add('features', 'malformed', 'the imported features are not an object with townships, mines, parcels and zones');
    return c.problems;
  }
  checkKeys(c, 'the imported features', value, ['townships', 'mines', 'parcels', 'zones']);
  const collection = (layer: string): Fields[] => features(c, layer, { type: 'FeatureCollection', features: value[layer] });
  const parcels = collection('parcels');
  const zones = collection('zones');
  const total = count(value['townships']) + count(value['mines']) + parcels.length + zones.length;
  if (total > limits.maxFeatures) {
    c.add('features', 'too_many_features', `the import has ${total} records, more than the limit of ${limits.maxFeatures}`);
    return c.problems;
  }
  const townships = checkTownships(c, value['townships']);
  const mines = checkMines(c, value['mines'], new Set([...known.townships, ...townships]));
  checkParcels(c, parcels, new Set([...known.mines, ...mines]), limits);
  checkZones(c, zones, limits);
  return c.problems;
}
