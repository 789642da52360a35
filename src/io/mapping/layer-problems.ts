// Problems that depend on the target layer and its mapping, recomputed whenever the user picks
// another layer or edits the mapping: a line cannot be a parcel, a zone needs a zone type, a
// source value without a Fulv code falls back to the default (or, with none, blocks).
import type { ImportFeature, ImportProblem, ProblemParams } from '../import-types.ts';
import { featureProblem } from '../import-checks.ts';
import { isCodedField, TARGET_FIELDS, type FieldMapping, type ImportLayer, type TargetField } from './field-mapping-types.ts';

/** Fields a feature of the layer cannot be stored without. */
export const REQUIRED_FIELDS: Record<ImportLayer, readonly TargetField[]> = {
  parcels: [],
  zones: ['zone_type'],
  treated: ['date', 'measure'],
};

const ACCEPTED: Record<ImportLayer, readonly string[]> = {
  parcels: ['Polygon', 'MultiPolygon'],
  treated: ['Polygon', 'MultiPolygon'],
  zones: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
};

export function fitsLayer(feature: ImportFeature, layer: ImportLayer): boolean {
  return feature.geometry !== null && ACCEPTED[layer].includes(feature.geometry.type);
}

function layerProblem(code: ImportProblem['code'], severity: ImportProblem['severity'], reason: string, params: ProblemParams): ImportProblem {
  return { featureIndex: null, featureId: null, code, severity, reason, params, stage: 'layer' };
}

export function layerProblems(features: readonly ImportFeature[], mapping: FieldMapping): ImportProblem[] {
  const { layer } = mapping;
  const problems: ImportProblem[] = [];
  for (const f of features) {
    if (f.geometryError || fitsLayer(f, layer)) continue;
    const what = layer === 'zones' ? 'zones are areas or lines' : `${layer === 'parcels' ? 'parcels' : 'treated polygons'} are areas`;
    problems.push(featureProblem(f, {
      code: 'wrong_type', severity: 'error', reason: `a ${f.geometry!.type} cannot be imported here: ${what}`, params: { geometry: f.geometry!.type, layer }, stage: 'layer',
    }));
  }
  for (const field of REQUIRED_FIELDS[layer]) {
    if (!mapping.fields[field] && !mapping.defaults[field]) {
      problems.push(layerProblem('missing_value', 'error', `${field} is required: choose the source field or a value for all features`, { field }));
    }
  }
  for (const field of TARGET_FIELDS[layer] as readonly TargetField[]) {
    if (!isCodedField(field) || !mapping.fields[field]) continue;
    const unmapped = Object.entries(mapping.values[field] ?? {}).filter(([, code]) => code === null).map(([value]) => value);
    if (unmapped.length === 0) continue;
    const fallback = mapping.defaults[field];
    const listed = unmapped.slice(0, 8).map((v) => `"${v}"`).join(', ') + (unmapped.length > 8 ? ` and ${unmapped.length - 8} more` : '');
    const required = REQUIRED_FIELDS[layer].includes(field);
    problems.push(layerProblem('unmapped_value', fallback || !required ? 'notice' : 'error',
      `${mapping.fields[field]} values ${listed} have no ${field} code; ${fallback ? `they become "${fallback}"` : required ? 'choose one' : 'they are left empty'}`,
      { field, source: mapping.fields[field], values: unmapped.slice(0, 8).join('\n'), count: unmapped.length, ...(fallback ? { fallback } : {}) }));
  }
  return problems;
}
