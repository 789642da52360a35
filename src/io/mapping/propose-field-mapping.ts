// The mapping the import dialog opens with: source fields matched to the target layer's fields
// by name (field-vocabulary.ts, or a name as a DBF cut it: 图斑编 for 图斑编号), every distinct value of a coded field matched to a Fulv code,
// and defaults only where one is harmless (damage type "other", direction "natural", status
// "untreated"). Zone types, measures and dates have no default: the dialog must ask.
import type { SourceField, SourceProperties } from '../import-types.ts';
import { dbfNameCuts } from '../shapefile/dbf-field-names.ts';
import { codeForValue, FIELD_NAMES, normaliseName } from './field-vocabulary.ts';
import { isCodedField, TARGET_FIELDS, type CodedField, type FieldMapping, type ImportLayer, type TargetField } from './field-mapping-types.ts';

const DEFAULTS: Partial<Record<TargetField, string>> = { damage_type: 'other', direction: 'natural', status: 'untreated' };

/** Distinct values per source field are capped so that an id column does not flood the dialog. */
const MAX_DISTINCT_VALUES = 500;

export function valueKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

function matchFields(layer: ImportLayer, fields: readonly SourceField[]): FieldMapping['fields'] {
  const byName = new Map(fields.map((f) => [normaliseName(f.name), f.name]));
  const used = new Set<string>();
  const out: FieldMapping['fields'] = {};
  for (const target of TARGET_FIELDS[layer] as readonly TargetField[]) {
    const source = FIELD_NAMES[target].flatMap((n) => [n, ...dbfNameCuts(n)]).map((n) => byName.get(normaliseName(n))).find((n) => n !== undefined && !used.has(n)) ?? null;
    if (source) used.add(source);
    out[target] = source;
  }
  return out;
}

export function proposeValueCodes(field: CodedField, source: string, features: readonly { properties: SourceProperties }[]): Record<string, string | null> {
  const codes: Record<string, string | null> = {};
  let count = 0;
  for (const f of features) {
    const key = valueKey(f.properties[source]);
    if (key === null || Object.hasOwn(codes, key)) continue;
    if (++count > MAX_DISTINCT_VALUES) break;
    codes[key] = codeForValue(field, key);
  }
  return codes;
}

export function proposeFieldMapping(layer: ImportLayer, fields: readonly SourceField[], features: readonly { properties: SourceProperties }[]): FieldMapping {
  const matched = matchFields(layer, fields);
  const values: FieldMapping['values'] = {};
  for (const [target, source] of Object.entries(matched) as [TargetField, string | null][]) {
    if (source && isCodedField(target)) values[target] = proposeValueCodes(target, source, features);
  }
  const defaults: FieldMapping['defaults'] = {};
  for (const target of TARGET_FIELDS[layer] as readonly TargetField[]) defaults[target] = DEFAULTS[target] ?? null;
  return { layer, fields: matched, values, defaults, keepSourceAttributes: true };
}
