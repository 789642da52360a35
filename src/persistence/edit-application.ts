// Applies an edit to the records inside a write transaction. Two phases: first every part of
// the edit is checked against the current records (revision, existence, attribute rules),
// then, only if all parts pass, the records are written. A refused batch therefore writes
// nothing even when the caller keeps the transaction to record something else.
import { applyPhotoEdit } from '../store/apply-photo-edit.ts';
import { applyTreatedEdit } from '../store/apply-treated-edit.ts';
import { editTarget, singleEdits, type Edit, type SingleEdit } from '../store/edit.ts';
import { photoSlot, treatedSlot, type PhotoRecord, type TreatedRecord } from '../store/field-records.ts';
import type { Problem } from '../store/problem.ts';
import type { ReferenceContext } from '../store/reference-context.ts';
import type { Refusal } from '../store/slot.ts';
import { validateTreatedFeature } from '../store/treated-validation.ts';
import type { EditTransaction } from './schema.ts';

export interface AppliedEdit {
  /** The edit that undoes this one (a batch's inverses in reverse order). */
  inverse: Edit;
  treated: TreatedRecord[];
  photos: PhotoRecord[];
}

export type EditApplication =
  | { ok: true; applied: AppliedEdit }
  | { ok: false; refusal: Refusal }
  | { ok: false; problems: Problem[] };

/** `rules` present: check the resulting attributes (new edits); absent for undo/redo, which restore a state already accepted. */
export interface ApplicationRules {
  reference: ReferenceContext;
}

export async function applyEditInTransaction(transaction: EditTransaction, edit: Edit, rules: ApplicationRules | null): Promise<EditApplication> {
  const treated = new Map<string, TreatedRecord>();
  const photos = new Map<string, PhotoRecord>();
  const inverses: SingleEdit[] = [];
  for (const part of singleEdits(edit)) {
    const target = editTarget(part);
    if (part.kind === 'add-photo' || part.kind === 'remove-photo') {
      const current = await transaction.objectStore('photos').get(target.id);
      const parentId = part.kind === 'add-photo' ? part.photo.feature_id : (current?.feature_id ?? '');
      // Earlier parts of this batch may have created or deleted the parent.
      const parent = treated.get(parentId) ?? (await transaction.objectStore('treated').get(parentId));
      const outcome = applyPhotoEdit(photoSlot(current), part, Boolean(parent?.feature));
      if (!outcome.ok) return outcome;
      if (part.kind === 'add-photo' && !(await transaction.objectStore('photo_blobs').getKey(target.id))) {
        return { ok: false, refusal: { code: 'not_found', reason: `the image of photo ${target.id} is not stored; attach the photo again` } };
      }
      photos.set(target.id, { id: target.id, revision: outcome.next.revision, feature_id: parentId, photo: outcome.next.value });
      inverses.push(outcome.inverse);
    } else {
      const current = await transaction.objectStore('treated').get(target.id);
      const outcome = applyTreatedEdit(treatedSlot(current), part);
      if (!outcome.ok) return outcome;
      const record: TreatedRecord = { id: target.id, revision: outcome.next.revision, feature: outcome.next.value };
      if (rules && record.feature) {
        const problems = validateTreatedFeature(record.feature, rules.reference);
        if (problems.length > 0) return { ok: false, problems };
      }
      treated.set(target.id, record);
      inverses.push(outcome.inverse);
    }
  }
  for (const record of treated.values()) await transaction.objectStore('treated').put(record);
  for (const record of photos.values()) await transaction.objectStore('photos').put(record);
  inverses.reverse();
  const inverse: Edit = edit.kind === 'batch' ? { kind: 'batch', label: edit.label, edits: inverses } : inverses[0]!;
  return { ok: true, applied: { inverse, treated: [...treated.values()], photos: [...photos.values()] } };
}
