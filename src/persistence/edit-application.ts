// Applies an edit to the records inside a write transaction. Two phases: first every part of
// the edit is checked against the current records (revision, existence, attribute rules),
// then, only if all parts pass, the records are written. A refused batch therefore writes
// nothing even when the caller keeps the transaction to record something else.
import { applyPhotoEdit } from '../store/apply-photo-edit.ts';
import { applyReviewEdit, applyTargetsEdit } from '../store/apply-review-edit.ts';
import { applyTreatedEdit } from '../store/apply-treated-edit.ts';
import { editTarget, singleEdits, type Edit, type SingleEdit } from '../store/edit.ts';
import { photoSlot, treatedSlot, type PhotoRecord, type TreatedRecord } from '../store/field-records.ts';
import type { Problem } from '../store/problem.ts';
import type { ReferenceContext } from '../store/reference-context.ts';
import { reviewSlot, targetsSlot, type ReviewRecord, type TargetsRecord } from '../store/review-records.ts';
import { reviewProblems } from '../store/review-validation.ts';
import type { Refusal } from '../store/slot.ts';
import { targetTableProblems } from '../store/targets-validation.ts';
import { validateTreatedFeature } from '../store/treated-validation.ts';
import { applyBufferDistancesEdit, bufferDistancesProblems, BUFFER_DISTANCES_ID, distancesSlot, type BufferDistancesRecord } from '../store/programme-settings.ts';
import { checkImport, checkRemoval } from './apply-reference-edit.ts';
import { reopenAccepted, type TreatedChange } from './reopen-accepted.ts';
import type { EditTransaction } from './schema.ts';

export interface AppliedEdit {
  /** The edit that undoes this one (a batch's inverses in reverse order). */
  inverse: Edit;
  treated: TreatedRecord[];
  photos: PhotoRecord[];
  reviews: ReviewRecord[];
  targets: TargetsRecord[];
  distances: BufferDistancesRecord[];
  /** Reference records (townships, mines, parcels, zones) were added or removed. */
  referenceChanged: boolean;
}

export type EditApplication =
  | { ok: true; applied: AppliedEdit }
  | { ok: false; refusal: Refusal }
  | { ok: false; problems: Problem[] };

/** `rules` present: check the resulting attributes (new edits); absent for undo/redo, which restore a state already accepted. */
export interface ApplicationRules {
  reference: ReferenceContext;
  /** Who makes the edit and when: accepted parcels it reopens record them. */
  who?: string;
  at?: Date;
}

export async function applyEditInTransaction(transaction: EditTransaction, edit: Edit, rules: ApplicationRules | null): Promise<EditApplication> {
  const treated = new Map<string, TreatedRecord>();
  const photos = new Map<string, PhotoRecord>();
  const reviews = new Map<string, ReviewRecord>();
  const targets = new Map<string, TargetsRecord>();
  const distances = new Map<string, BufferDistancesRecord>();
  const referenceWrites: Array<() => Promise<void>> = [];
  const changes: TreatedChange[] = [];
  const inverses: SingleEdit[] = [];
  for (const part of singleEdits(edit)) {
    const target = editTarget(part);
    if (part.kind === 'review-parcel') {
      const current = await transaction.objectStore('reviews').get(target.id);
      const outcome = applyReviewEdit(reviewSlot(current), part);
      if (!outcome.ok) return outcome;
      if (rules) {
        const problems = reviewProblems(target.id, part.review, rules.reference.parcelMine, current?.review ?? null);
        if (problems.length > 0) return { ok: false, problems };
      }
      reviews.set(target.id, { id: target.id, revision: outcome.next.revision, review: outcome.next.value });
      inverses.push(outcome.inverse);
    } else if (part.kind === 'set-targets') {
      const current = await transaction.objectStore('targets').get(target.id);
      const outcome = applyTargetsEdit(targetsSlot(current), part);
      if (!outcome.ok) return outcome;
      if (rules && part.table !== null) {
        const problems = targetTableProblems(part.table, rules.reference.townshipIds ?? new Set());
        if (problems.length > 0) return { ok: false, problems };
      }
      targets.set(target.id, { id: target.id, revision: outcome.next.revision, table: outcome.next.value });
      inverses.push(outcome.inverse);
    } else if (part.kind === 'set-buffer-distances') {
      const current = await transaction.objectStore('settings').get(BUFFER_DISTANCES_ID);
      const outcome = applyBufferDistancesEdit(distancesSlot(current), part);
      if (!outcome.ok) return outcome;
      if (rules) {
        const problems = bufferDistancesProblems(part.distances);
        if (problems.length > 0) return { ok: false, problems };
      }
      distances.set(target.id, { id: BUFFER_DISTANCES_ID, revision: outcome.next.revision, distances: outcome.next.value });
      inverses.push(outcome.inverse);
    } else if (part.kind === 'import-features' || part.kind === 'remove-features') {
      const check = part.kind === 'import-features' ? await checkImport(transaction, part, rules !== null) : await checkRemoval(transaction, part);
      if (!check.ok) return check;
      referenceWrites.push(check.write);
      inverses.push(check.inverse);
    } else if (part.kind === 'add-photo' || part.kind === 'remove-photo') {
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
      changes.push({ id: target.id, before: current?.feature ?? null, after: record.feature });
      inverses.push(outcome.inverse);
    }
  }
  const reopened = rules?.who && rules.at ? await reopenAccepted(transaction, changes, reviews, { reference: rules.reference, who: rules.who, at: rules.at }) : [];
  inverses.push(...reopened);
  for (const record of treated.values()) await transaction.objectStore('treated').put(record);
  for (const record of photos.values()) await transaction.objectStore('photos').put(record);
  for (const record of reviews.values()) await transaction.objectStore('reviews').put(record);
  for (const record of targets.values()) await transaction.objectStore('targets').put(record);
  for (const record of distances.values()) await transaction.objectStore('settings').put(record);
  for (const write of referenceWrites) await write();
  inverses.reverse();
  const label = edit.kind === 'batch' ? edit.label : `${edit.kind}, reopening accepted work`;
  const inverse: Edit = edit.kind === 'batch' || reopened.length > 0 ? { kind: 'batch', label, edits: inverses } : inverses[0]!;
  return { ok: true, applied: { inverse, treated: [...treated.values()], photos: [...photos.values()], reviews: [...reviews.values()], targets: [...targets.values()],
    distances: [...distances.values()], referenceChanged: referenceWrites.length > 0,
  } };
}
