// Imports and their undo inside the edit's transaction: checked first (ids free, or present and
// no longer needed), written only once the whole edit passed. Imported records are user data:
// no seed key is written for them, so no reseed replaces them (seed-origin.ts).
import type { Mine, ParcelFeature, Township, ZoneFeature } from '../domain/model.ts';
import { TARGETS_ID, type ImportFeatures, type RemoveFeatures } from '../store/edit.ts';
import { importProblems, referenceIds, REFERENCE_LAYERS, removalBlocker, type ReferenceFeatures } from '../store/reference-features.ts';
import type { Refusal } from '../store/slot.ts';
import type { Problem } from '../store/problem.ts';
import type { EditTransaction } from './schema.ts';
import { seedKey } from './seed-origin.ts';

export type ReferenceCheck =
  | { ok: true; write: () => Promise<void>; inverse: ImportFeatures | RemoveFeatures }
  | { ok: false; refusal: Refusal }
  | { ok: false; problems: Problem[] };

function listIds(ids: readonly string[]): string {
  return `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? `, … (${ids.length})` : ''}`;
}

async function presentIds(transaction: EditTransaction, features: ReferenceFeatures): Promise<string[]> {
  const present: string[] = [];
  for (const layer of REFERENCE_LAYERS) {
    const store = transaction.objectStore(layer);
    for (const id of referenceIds(features, layer)) if ((await store.getKey(id)) !== undefined) present.push(id);
  }
  return present;
}

async function putAll(transaction: EditTransaction, features: ReferenceFeatures): Promise<void> {
  for (const record of features.townships) await transaction.objectStore('townships').put(record as Township);
  for (const record of features.mines) await transaction.objectStore('mines').put(record as Mine);
  for (const record of features.parcels) await transaction.objectStore('parcels').put(record as ParcelFeature);
  for (const record of features.zones) await transaction.objectStore('zones').put(record as ZoneFeature);
}

async function deleteAll(transaction: EditTransaction, features: ReferenceFeatures): Promise<void> {
  for (const layer of REFERENCE_LAYERS) {
    for (const id of referenceIds(features, layer)) {
      await transaction.objectStore(layer).delete(id);
      await transaction.objectStore('seed_ids').delete(seedKey(layer, id));
    }
  }
}

/** `validate`: check the records' attributes (a new import), not for undo/redo of one already accepted. */
export async function checkImport(transaction: EditTransaction, edit: ImportFeatures, validate: boolean): Promise<ReferenceCheck> {
  if (validate) {
    const reasons = importProblems(edit.features);
    if (reasons.length > 0) return { ok: false, problems: reasons.map((reason) => ({ field: 'features', code: 'invalid', reason })) };
  }
  const taken = await presentIds(transaction, edit.features);
  if (taken.length > 0) {
    return { ok: false, refusal: { code: 'already_exists', reason: `${taken.length} of the imported records already exist (${listIds(taken)}); nothing was imported` } };
  }
  return { ok: true, write: () => putAll(transaction, edit.features), inverse: { kind: 'remove-features', label: edit.label, features: edit.features } };
}

export async function checkRemoval(transaction: EditTransaction, edit: RemoveFeatures): Promise<ReferenceCheck> {
  const present = new Set(await presentIds(transaction, edit.features));
  const missing = REFERENCE_LAYERS.flatMap((layer) => referenceIds(edit.features, layer)).filter((id) => !present.has(id));
  if (missing.length > 0) return { ok: false, refusal: { code: 'not_found', reason: `the imported records ${listIds(missing)} are no longer in the programme` } };
  const targets = await transaction.objectStore('targets').get(TARGETS_ID);
  const blocker = removalBlocker(edit.features, {
    treated: await transaction.objectStore('treated').getAll(),
    reviews: await transaction.objectStore('reviews').getAll(),
    parcels: await transaction.objectStore('parcels').getAll(),
    mines: await transaction.objectStore('mines').getAll(),
    targetTownships: new Set((targets?.table?.rows ?? []).map((row) => row.township_id)),
  });
  if (blocker) return { ok: false, refusal: { code: 'still_needed', reason: `“${edit.label}” is still needed: ${blocker}` } };
  return { ok: true, write: () => deleteAll(transaction, edit.features), inverse: { kind: 'import-features', label: edit.label, features: edit.features } };
}
