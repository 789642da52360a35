// Is this value a well-formed edit? Checked before an edit reaches the database (the UI is
// TypeScript, but a backup's journal is a file from anywhere). Attribute values are checked on
// the resulting feature, inside the write transaction (treated-validation.ts), because a
// parcel/mine pairing can only be judged on the merged properties.
import { editTarget, type Edit, type EditLayer, type SingleEdit } from './edit.ts';
import type { Problem } from './problem.ts';

const ATTRIBUTE_KEYS = ['parcel_id', 'mine_id', 'date', 'measure', 'direction', 'surveyor', 'note'];
/**
 * A split or merge touches a handful of polygons, but an imported file of treated polygons is
 * one batch too (all or nothing); beyond this a file is a province's, not a survey's.
 */
export const MAX_BATCH_EDITS = 20_000;

type Fields = Partial<Record<string, unknown>>;

const LAYER_NAMES: Record<EditLayer, string> = {
  treated: 'treated polygon', photos: 'photo', reviews: 'the acceptance record of parcel', targets: 'the target table', settings: 'the setting', reference: 'imported records',
};
const REFERENCE_LAYERS = ['townships', 'mines', 'parcels', 'zones'] as const;

/** Each layer a list of records with an id (townships, mines) or properties.id (parcels, zones); attributes are checked in the transaction. */
function referenceFeaturesProblems(value: unknown, where: string): string[] {
  if (!isObject(value)) return [`${where}features are missing`];
  const problems: string[] = [];
  for (const layer of REFERENCE_LAYERS) {
    const list = value[layer];
    if (!Array.isArray(list)) {
      problems.push(`${where}${layer} is not a list`);
      continue;
    }
    const bad = list.findIndex((r: unknown) => !isObject(r) || !isId(layer === 'townships' || layer === 'mines' ? r['id'] : isObject(r['properties']) ? r['properties']['id'] : undefined));
    if (bad >= 0) problems.push(`${where}${layer} ${bad} has no id`);
  }
  return problems;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64;
const isRevision = (value: unknown, min: number): boolean => typeof value === 'number' && Number.isInteger(value) && value >= min;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function singleProblems(edit: Fields, where: string): string[] {
  const problems: string[] = [];
  // Update, delete and remove need something to exist, i.e. a revision of at least 1.
  const needsRevision = (min: number): void => {
    if (!isRevision(edit['baseRevision'], min)) problems.push(`${where}baseRevision ${JSON.stringify(edit['baseRevision'])} is not a whole number ≥ ${min}`);
  };
  const needsId = (key: string): void => {
    if (!isId(edit[key])) problems.push(`${where}${key} ${JSON.stringify(edit[key])} is not an id`);
  };
  switch (edit['kind']) {
    case 'create-treated': {
      needsRevision(0);
      const feature = edit['feature'];
      if (!isObject(feature) || !isObject(feature['properties']) || !isId(feature['properties']['id'])) problems.push(`${where}feature has no properties.id`);
      break;
    }
    case 'update-treated-geometry':
      needsRevision(1);
      needsId('id');
      if (!isObject(edit['geometry'])) problems.push(`${where}geometry is missing`);
      break;
    case 'update-treated-attributes': {
      needsRevision(1);
      needsId('id');
      const attributes = edit['attributes'];
      if (!isObject(attributes) || Object.keys(attributes).length === 0) problems.push(`${where}attributes are missing or empty`);
      else {
        const unknown = Object.keys(attributes).filter((k) => !ATTRIBUTE_KEYS.includes(k));
        if (unknown.length > 0) problems.push(`${where}${unknown.join(', ')} cannot be changed (editable: ${ATTRIBUTE_KEYS.join(', ')})`);
      }
      break;
    }
    case 'delete-treated':
      needsRevision(1);
      needsId('id');
      break;
    case 'add-photo':
      needsRevision(0);
      if (!isObject(edit['photo']) || !isId(edit['photo']['id'])) problems.push(`${where}photo has no id`);
      break;
    case 'remove-photo':
      needsRevision(1);
      needsId('photoId');
      break;
    case 'review-parcel':
      needsRevision(0);
      needsId('parcelId');
      if (edit['review'] !== null && !isObject(edit['review'])) problems.push(`${where}review is neither a record nor null`);
      break;
    case 'set-targets':
      needsRevision(0);
      if (edit['table'] !== null && !isObject(edit['table'])) problems.push(`${where}table is neither a target table nor null`);
      break;
    case 'import-features':
    case 'remove-features':
      if (typeof edit['label'] !== 'string') problems.push(`${where}label is missing`);
      problems.push(...referenceFeaturesProblems(edit['features'], where));
      break;
    case 'set-buffer-distances':
      needsRevision(0);
      if (edit['distances'] !== null && !isObject(edit['distances'])) problems.push(`${where}distances are neither zone type → metres nor null`);
      break;
    default:
      problems.push(`${where}unknown edit kind ${JSON.stringify(edit['kind'])}`);
  }
  return problems;
}

function batchProblems(edit: Fields): string[] {
  const edits = edit['edits'];
  if (typeof edit['label'] !== 'string') return ['batch has no label'];
  if (!Array.isArray(edits) || edits.length === 0) return ['batch has no edits'];
  if (edits.length > MAX_BATCH_EDITS) return [`batch has ${edits.length} edits; at most ${MAX_BATCH_EDITS}`];
  const problems: string[] = [];
  const seen = new Set<string>();
  edits.forEach((inner: unknown, i) => {
    if (!isObject(inner)) return void problems.push(`edit ${i} of the batch is not an object`);
    if (inner['kind'] === 'batch') return void problems.push(`edit ${i} of the batch is itself a batch`);
    const innerProblems = singleProblems(inner, `edit ${i} of the batch: `);
    problems.push(...innerProblems);
    if (innerProblems.length > 0) return;
    // Imports and removals carry no base revision (they are checked by presence), so a batch may
    // hold both, e.g. the programme's zones replaced (remove then import) as one step.
    if (inner['kind'] === 'import-features' || inner['kind'] === 'remove-features') return;
    const target = editTarget(inner as SingleEdit);
    const key = `${target.layer}/${target.id}`;
    // Undo would otherwise apply the second inverse against a revision the first one expects.
    if (seen.has(key)) problems.push(`the batch changes ${LAYER_NAMES[target.layer]} ${target.id} twice; combine those changes into one edit`);
    seen.add(key);
  });
  return problems;
}

export function editShapeProblems(value: unknown): Problem[] {
  if (!isObject(value)) return [{ field: 'edit', code: 'malformed', reason: 'the edit is not an object' }];
  const reasons = value['kind'] === 'batch' ? batchProblems(value) : singleProblems(value, '');
  return reasons.map((reason) => ({ field: 'edit', code: 'malformed', reason }));
}

export function isEdit(value: unknown): value is Edit {
  return editShapeProblems(value).length === 0;
}
