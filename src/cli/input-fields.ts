// Which attribute of an input file fills each field the analysis reads (its roles): chosen by the
// import dialog's own vocabulary and mapping (Fulv's names, Chinese names, the national 核查
// table's pinyin initials; src/io/mapping), or named by `--field ROLE=NAME`. Values are read the
// way an import reads them: zone types through the value words, dates in the Chinese forms
// import-date.ts knows, mines by id or name. A value that cannot be read is passed on as it is,
// for the analysis to report (an unknown zone type, a treated polygon with no usable date).
import type { InputFeature } from '../domain/analysis-types.ts';
import type { Mine } from '../domain/model.ts';
import type { SourceProperties } from '../io/import-types.ts';
import { codeForValue, normaliseName } from '../io/mapping/field-vocabulary.ts';
import { importDate } from '../io/mapping/import-date.ts';
import { proposeFieldMapping, valueKey } from '../io/mapping/propose-field-mapping.ts';
import { sourceFields } from '../io/source-fields.ts';

export type InputLayer = 'parcels' | 'zones' | 'treated';

/** The fields the analysis reads of each layer (analysis-items.ts, analysis-input.ts). */
export const LAYER_ROLES = {
  parcels: ['id', 'mine_id', 'township_id', 'category'],
  zones: ['id', 'zone_type'],
  treated: ['id', 'date'],
} as const satisfies Record<InputLayer, readonly string[]>;

export type Role = (typeof LAYER_ROLES)[InputLayer][number];

/**
 * Roles the import dialog has no field for: only the analysis's own names (and the older
 * mine_category) are taken, as before.
 */
const OWN_NAMES: Partial<Record<Role, readonly string[]>> = {
  township_id: ['township_id'],
  category: ['category', 'mine_category'],
};

/** `--field` overrides: "layer.role" → source field name. */
export type FieldOverrides = ReadonlyMap<string, string>;

export class FieldChoiceError extends Error {}

export interface MappedLayer {
  features: InputFeature[];
  /** Role → the source field used, or null when the file has none. */
  used: Partial<Record<Role, string | null>>;
}

function propertiesOf(feature: InputFeature): Record<string, unknown> {
  const p = feature?.properties;
  return typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {};
}

/** The name as the file spells it: exactly, else after the vocabulary's normalisation. */
function findField(names: readonly string[], wanted: string): string | undefined {
  return names.find((n) => n === wanted) ?? names.find((n) => normaliseName(n) === normaliseName(wanted));
}

function chooseFields(layer: InputLayer, features: readonly InputFeature[], overrides: FieldOverrides): MappedLayer['used'] {
  const props = features.map((f) => ({ properties: propertiesOf(f) as SourceProperties }));
  const fields = sourceFields(props);
  const names = fields.map((f) => f.name);
  const proposed = proposeFieldMapping(layer, fields, props).fields as Partial<Record<Role, string | null>>;
  const used: MappedLayer['used'] = {};
  for (const role of LAYER_ROLES[layer] as readonly Role[]) {
    const override = overrides.get(`${layer}.${role}`);
    if (override !== undefined) {
      const found = findField(names, override);
      if (!found) {
        const fieldList = names.length > 0 ? `its fields are ${names.join(', ')}` : 'it has no fields';
        throw new FieldChoiceError(`--field ${role}=${override}: no ${layer} feature has a field ${override} (${fieldList}); --field ${layer}.${role}=NAME sets one layer only`);
      }
      used[role] = found;
    } else {
      const own = OWN_NAMES[role];
      used[role] = own ? (own.map((n) => findField(names, n)).find((n) => n !== undefined) ?? null) : (proposed[role] ?? null);
    }
  }
  // A mine name field (GEM's "Mine Name", 矿山名称) names the mine when no id field does: the
  // analysis finds the mine by name in --mines, as the import dialog does in the programme.
  const mineName = (proposed as { mine_name?: string | null }).mine_name;
  if ('mine_id' in used && used.mine_id === null && !overrides.has(`${layer}.mine_id`) && mineName) used.mine_id = mineName;
  return used;
}

/**
 * A mine's id from its id, else from its name (Chinese or English); looked up in maps, since a
 * province's parcels name a mine each (searching the list per parcel grew as parcels × mines).
 */
function mineIds(mines: readonly Mine[] | undefined): (value: string) => string {
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  for (const m of mines ?? []) {
    ids.add(m.id);
    for (const name of [m.name, m.name_en]) if (typeof name === 'string' && !byName.has(name)) byName.set(name, m.id);
  }
  return (value) => (ids.has(value) ? value : (byName.get(value) ?? value));
}

/** The value of a role as the analysis reads it; unreadable values stay as given. */
function roleValue(role: Role, raw: unknown, mineId: (value: string) => string): unknown {
  const text = valueKey(raw);
  if (text === null || typeof raw === 'object') return raw;
  if (role === 'zone_type') return codeForValue('zone_type', text) ?? raw;
  if (role === 'date') return importDate(text) ?? raw;
  if (role === 'mine_id') return mineId(text);
  return raw;
}

export function mapInputFields(layer: InputLayer, features: readonly InputFeature[], overrides: FieldOverrides, mines?: readonly Mine[]): MappedLayer {
  const used = chooseFields(layer, features, overrides);
  const mineId = mineIds(mines);
  const mapped = features.map((feature): InputFeature => {
    if (typeof feature !== 'object' || feature === null) return feature;
    const source = propertiesOf(feature);
    const properties: Record<string, unknown> = { ...source };
    for (const [role, field] of Object.entries(used) as [Role, string | null][]) {
      // A role with no field is left out, so that nothing of the same name is read by mistake.
      if (field === null) delete properties[role];
      else properties[role] = roleValue(role, source[field], mineId);
    }
    return { ...feature, properties };
  });
  return { features: mapped, used };
}

/** "treated: id ← BSM, date ← 治理日期" for stderr; "(none)" where the file has no such field. */
export function describeFields(layer: InputLayer, used: MappedLayer['used']): string {
  return `${layer}: ${(Object.entries(used) as [Role, string | null][]).map(([role, field]) => `${role} ← ${field ?? '(none)'}`).join(', ')}`;
}
