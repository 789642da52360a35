// Turning a confirmed preview into typed Fulv features, ready for one store transaction. Each
// feature either becomes a ParcelFeature / ZoneFeature / TreatedFeature or is left out with a
// problem saying why; nothing here touches the store.
import type { Geometry } from 'geojson';
import type {
  AreaGeometry, DamageType, Measure, Mine, ParcelFeature, ParcelStatus, RestorationDirection, SourceAttributes,
  TreatedFeature, ZoneFeature, ZoneGeometry, ZoneType,
} from '../../domain/model.ts';
import type { ImportFeature, ImportPreview, ImportProblem } from '../import-types.ts';
import { featureProblem } from '../import-checks.ts';
import { codeForValue, VALUE_WORDS } from './field-vocabulary.ts';
import { TARGET_FIELDS, isCodedField, type FieldMapping, type TargetField } from './field-mapping-types.ts';
import { importDate } from './import-date.ts';
import { fitsLayer, REQUIRED_FIELDS } from './layer-problems.ts';
import { valueKey } from './propose-field-mapping.ts';

export interface ApplyContext {
  /** Ids already in the programme's layer: an imported id that clashes is renamed, with a notice. */
  existingIds?: Iterable<string>;
  /** To resolve a mine given by name (矿山名称) to its id. */
  mines?: readonly Mine[];
  /** Prefix of generated ids for features whose id field is empty (default: the layer's initial). */
  idPrefix?: string;
}

export type MappedFeatures =
  | { layer: 'parcels'; features: ParcelFeature[] }
  | { layer: 'zones'; features: ZoneFeature[] }
  | { layer: 'treated'; features: TreatedFeature[] };

export interface AppliedImport {
  mapped: MappedFeatures;
  problems: ImportProblem[];
  /** Indices (into preview.features) of the features left out. */
  skipped: number[];
}

class Skip extends Error {}

type Values = Partial<Record<TargetField, string | null>>;

function featureValues(f: ImportFeature, mapping: FieldMapping, report: (p: Omit<ImportProblem, 'featureIndex' | 'featureId' | 'stage'>) => void): Values {
  const out: Values = {};
  for (const field of TARGET_FIELDS[mapping.layer] as readonly TargetField[]) {
    const source = mapping.fields[field];
    const raw = source ? valueKey(f.properties[source]) : null;
    const fallback = mapping.defaults[field] ?? null;
    let value: string | null = raw;
    if (raw !== null && isCodedField(field)) {
      const table = mapping.values[field];
      value = table && Object.hasOwn(table, raw) ? table[raw]! : codeForValue(field, raw);
      // A hand-edited mapping may name a code the model does not have.
      if (value !== null && !Object.hasOwn(VALUE_WORDS[field], value)) value = null;
      if (value === null) {
        value = fallback;
        report({ code: 'unmapped_value', severity: 'notice', reason: `${source} "${raw}" has no ${field} code; ${fallback ? `set to "${fallback}"` : 'left empty'}`, params: { field, source: source!, value: raw, ...(fallback ? { fallback } : {}) } });
      }
    } else if (raw !== null && field === 'date') {
      value = importDate(raw);
      if (value === null) {
        value = fallback;
        report({ code: 'invalid_date', severity: fallback ? 'notice' : 'error', reason: `${source} "${raw}" is not a date${fallback ? `; set to ${fallback}` : ''}`, params: { field, source: source!, value: raw, ...(fallback ? { fallback } : {}) } });
      }
    } else if (raw === null) value = fallback;
    if (value === null && REQUIRED_FIELDS[mapping.layer].includes(field)) {
      report({ code: 'missing_value', severity: 'error', reason: `no ${field}${source ? ` (${source} is empty)` : ''}`, params: { field, ...(source ? { source } : {}) } });
      throw new Skip();
    }
    out[field] = value;
  }
  return out;
}

function leftover(f: ImportFeature, mapping: FieldMapping): SourceAttributes | undefined {
  if (!mapping.keepSourceAttributes) return undefined;
  const used = new Set(Object.values(mapping.fields).filter((v): v is string => typeof v === 'string'));
  const out: SourceAttributes = {};
  for (const [k, v] of Object.entries(f.properties)) if (!used.has(k)) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function mineId(value: string | null, mines: readonly Mine[] | undefined, report: (p: Omit<ImportProblem, 'featureIndex' | 'featureId' | 'stage'>) => void): string | null {
  if (value === null || !mines) return value;
  const mine = mines.find((m) => m.id === value) ?? mines.find((m) => m.name === value || m.name_en === value);
  if (mine) return mine.id;
  report({ code: 'unknown_mine', severity: 'notice', reason: `mine "${value}" is not in the programme; kept as given`, params: { mine: value } });
  return value;
}

/** A mine named by the file: the programme's mine of that name, if there is one. */
function mineByName(name: string | null, mines: readonly Mine[] | undefined): string | null {
  if (name === null || !mines) return null;
  return mines.find((m) => m.name === name || m.name_en === name)?.id ?? null;
}

export function applyFieldMapping(preview: Pick<ImportPreview, 'features'>, mapping: FieldMapping, context: ApplyContext = {}): AppliedImport {
  const problems: ImportProblem[] = [];
  const skipped: number[] = [];
  const taken = new Set(context.existingIds ?? []);
  const prefix = context.idPrefix ?? `${mapping.layer[0]!.toUpperCase()}-import-`;
  const parcels: ParcelFeature[] = [];
  const zones: ZoneFeature[] = [];
  const treated: TreatedFeature[] = [];
  for (const f of preview.features) {
    const report = (p: Omit<ImportProblem, 'featureIndex' | 'featureId' | 'stage'>): void => void problems.push(featureProblem(f, { ...p, stage: 'layer' }));
    if (f.geometryError || !fitsLayer(f, mapping.layer)) {
      skipped.push(f.index);
      continue;
    }
    try {
      const v = featureValues(f, mapping, report);
      let id = v.id ?? null;
      if (id === null) {
        id = `${prefix}${f.index + 1}`;
        report({ code: 'missing_id', severity: 'notice', reason: `no id; given ${id}`, params: { id } });
      }
      if (taken.has(id)) {
        let n = 2;
        while (taken.has(`${id}-${n}`)) n++;
        report({ code: 'duplicate_id', severity: 'notice', reason: `id ${id} is already used; renamed ${id}-${n}`, params: { id, renamed: `${id}-${n}` } });
        id = `${id}-${n}`;
      }
      taken.add(id);
      const source_attributes = leftover(f, mapping);
      const extra = source_attributes ? { source_attributes } : {};
      const geometry: Geometry = f.geometry!;
      const mineName = v.mine_name ?? null;
      // A mine id wins; a mine name is resolved to the programme's mine of that name, if any.
      const mine = v.mine_id ? mineId(v.mine_id, context.mines, report) : mineByName(mineName, context.mines);
      if (mapping.layer === 'parcels' && !v.mine_id && mineName !== null && mine === null && context.mines) {
        report({ code: 'unknown_mine', severity: 'notice', reason: `mine "${mineName}" is not in the programme; its name is kept`, params: { mine: mineName } });
      }
      if (mapping.layer === 'parcels') {
        parcels.push({ type: 'Feature', geometry: geometry as AreaGeometry, properties: {
          id, mine_id: mine ?? '', ...(mineName !== null ? { mine_name: mineName } : {}), name: v.name ?? '',
          damage_type: (v.damage_type ?? 'other') as DamageType, direction: (v.direction ?? 'natural') as RestorationDirection,
          status: (v.status ?? 'untreated') as ParcelStatus, tbdl: v.tbdl ?? null, tbxl: v.tbxl ?? null, note: v.note ?? '', ...extra,
        } });
      } else if (mapping.layer === 'zones') {
        zones.push({ type: 'Feature', geometry: geometry as ZoneGeometry, properties: {
          id, name: v.name ?? '', name_en: v.name_en ?? '', zone_type: v.zone_type as ZoneType, note: v.note ?? '', ...extra,
        } });
      } else {
        treated.push({ type: 'Feature', geometry: geometry as AreaGeometry, properties: {
          id, parcel_id: v.parcel_id ?? null, mine_id: mine ?? (mineName !== null ? mineId(mineName, context.mines, report) : null), date: v.date!,
          measure: v.measure as Measure, direction: (v.direction ?? 'natural') as RestorationDirection, surveyor: v.surveyor ?? '', note: v.note ?? '', ...extra,
        } });
      }
    } catch (error) {
      if (!(error instanceof Skip)) throw error;
      skipped.push(f.index);
    }
  }
  const mapped: MappedFeatures = mapping.layer === 'parcels' ? { layer: 'parcels', features: parcels }
    : mapping.layer === 'zones' ? { layer: 'zones', features: zones } : { layer: 'treated', features: treated };
  return { mapped, problems, skipped };
}
