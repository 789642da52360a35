// A restored journal must be readable as history: every treated polygon, photo and parcel that
// one of its entries (or an acceptance step) names must exist after the restore, i.e. be in the
// backup or in what the restore keeps from this device's programme (its parcels, and its seed's
// treated polygons, which a restore adds when the backup lacks them). An entry naming anything
// else comes from another database or was forged, and the backup is refused rather than
// restored with a history that points nowhere.
import type { ParcelReview } from '../../domain/review.ts';
import { singleEdits, type SingleEdit } from '../../store/edit.ts';
import type { JournalEntry } from '../../store/journal-entry.ts';
import type { Problem } from '../../store/problem.ts';
import type { ReviewRecord } from '../../store/review-records.ts';

export interface KnownFeatures {
  treated: ReadonlySet<string>;
  photos: ReadonlySet<string>;
  parcels: ReadonlySet<string> | ReadonlyMap<string, unknown>;
}

export const UNKNOWN_FEATURE = 'backup_unknown_feature';

type FeatureKind = 'treated' | 'photo' | 'parcel';
type Reference = { kind: FeatureKind; id: string };

const KIND_NAMES: Record<FeatureKind, string> = { treated: 'treated polygon', photo: 'photo', parcel: 'parcel' };

function reviewReferences(review: ParcelReview | null): Reference[] {
  return (review?.events ?? []).flatMap((event) => [
    ...(event.treated_id ? [{ kind: 'treated' as const, id: event.treated_id }] : []),
    ...(event.accepted ?? []).map((feature) => ({ kind: 'treated' as const, id: feature.properties.id })),
  ]);
}

function editReferences(edit: SingleEdit): Reference[] {
  switch (edit.kind) {
    case 'create-treated':
      return [{ kind: 'treated', id: edit.feature.properties.id }];
    case 'update-treated-geometry':
    case 'update-treated-attributes':
    case 'delete-treated':
      return [{ kind: 'treated', id: edit.id }];
    case 'add-photo':
      return [{ kind: 'photo', id: edit.photo.id }, { kind: 'treated', id: edit.photo.feature_id }];
    case 'remove-photo':
      return [{ kind: 'photo', id: edit.photoId }];
    case 'review-parcel':
      return [{ kind: 'parcel', id: edit.parcelId }, ...reviewReferences(edit.review)];
    // Imported records travel in the edit itself; nothing else need exist.
    case 'set-targets':
    case 'set-buffer-distances':
    case 'import-features':
    case 'remove-features':
      return [];
  }
}

function isKnown(reference: Reference, known: KnownFeatures): boolean {
  const ids = reference.kind === 'treated' ? known.treated : reference.kind === 'photo' ? known.photos : known.parcels;
  return typeof reference.id === 'string' && ids.has(reference.id);
}

function problem(source: 'journal' | 'review', where: string, entry: number | string, reference: Reference): Problem {
  return {
    field: where,
    code: UNKNOWN_FEATURE,
    reason: `${where}: refers to ${KIND_NAMES[reference.kind]} ${JSON.stringify(reference.id)}, which neither the backup nor this device holds`,
    params: { source, entry, kind: reference.kind, id: String(reference.id) },
  };
}

/** Journal entries and acceptance records (already known to be well formed) that name a feature nobody holds. */
export function unknownReferenceProblems(journal: readonly JournalEntry[], reviews: readonly ReviewRecord[], known: KnownFeatures): Problem[] {
  const problems: Problem[] = [];
  for (const entry of journal) {
    const references = singleEdits(entry.edit).flatMap(editReferences);
    for (const reference of references) if (!isKnown(reference, known)) problems.push(problem('journal', `journal entry ${entry.seq}`, entry.seq, reference));
  }
  for (const record of reviews) {
    for (const reference of reviewReferences(record.review)) if (!isKnown(reference, known)) problems.push(problem('review', `the acceptance record of parcel ${record.id}`, record.id, reference));
  }
  return problems;
}
