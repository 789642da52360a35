// Edits as data. Every change a surveyor makes is one of these objects; the persistence layer
// applies it, stores it in the journal and keeps its inverse for undo. They are stored in
// IndexedDB and in backups, so renaming a kind or a field is a data migration, not a refactor.
//
// Each edit names the revision of the polygon (or photo) it was based on. Revision 0 means
// "never existed"; every applied edit raises the target's revision by one, and deletion leaves
// a tombstone that keeps its revision, so an edit based on an out-of-date view is always caught.
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { AreaGeometry, TargetTable, TreatedFeature, TreatedProperties } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { PhotoMeta } from './photo.ts';
import type { ReferenceFeatures } from './reference-features.ts';

/** The attributes a form may change; the id is the polygon's identity and never changes. */
export type TreatedAttributes = Omit<TreatedProperties, 'id'>;
export type TreatedAttributeChange = Partial<TreatedAttributes>;

export type CreateTreated = { kind: 'create-treated'; baseRevision: number; feature: TreatedFeature };
export type UpdateTreatedGeometry = { kind: 'update-treated-geometry'; id: string; baseRevision: number; geometry: AreaGeometry };
export type UpdateTreatedAttributes = {
  kind: 'update-treated-attributes';
  id: string;
  baseRevision: number;
  attributes: TreatedAttributeChange;
};
export type DeleteTreated = { kind: 'delete-treated'; id: string; baseRevision: number };
export type AddPhoto = { kind: 'add-photo'; baseRevision: number; photo: PhotoMeta };
export type RemovePhoto = { kind: 'remove-photo'; photoId: string; baseRevision: number };

/** A parcel's acceptance record replaced by the next one (a step appended), or removed (null) by undo. */
export type ReviewParcel = { kind: 'review-parcel'; parcelId: string; baseRevision: number; review: ParcelReview | null };
/** The programme's targets replaced by an edited or imported table; null returns to the programme's own. */
export type SetTargets = { kind: 'set-targets'; baseRevision: number; table: TargetTable | null };

/**
 * User data entering the programme (schema 4): townships, mines, parcels and zones added
 * together, e.g. from an imported file. Ids already stored are refused. Its inverse removes
 * exactly these records.
 */
export type ImportFeatures = { kind: 'import-features'; label: string; features: ReferenceFeatures };
/** The inverse of an import: refused while a record is still needed (store/reference-features.ts). */
export type RemoveFeatures = { kind: 'remove-features'; label: string; features: ReferenceFeatures };
/** The programme's buffer distances; null returns to the app's default preset. */
export type SetBufferDistances = { kind: 'set-buffer-distances'; baseRevision: number; distances: BufferDistances | null };

export type TreatedEdit = CreateTreated | UpdateTreatedGeometry | UpdateTreatedAttributes | DeleteTreated;
export type PhotoEdit = AddPhoto | RemovePhoto;
export type ReviewEdit = ReviewParcel | SetTargets;
export type ProgrammeEdit = ImportFeatures | RemoveFeatures | SetBufferDistances;
export type SingleEdit = TreatedEdit | PhotoEdit | ReviewEdit | ProgrammeEdit;

/**
 * Several edits applied and undone as one step, e.g. a split (delete one polygon, create two).
 * Each target appears at most once, so the inverses' base revisions stay right.
 */
export type BatchEdit = { kind: 'batch'; label: string; edits: readonly SingleEdit[] };

export type Edit = SingleEdit | BatchEdit;

export const EDIT_KINDS = [
  'create-treated', 'update-treated-geometry', 'update-treated-attributes', 'delete-treated', 'add-photo', 'remove-photo',
  'review-parcel', 'set-targets', 'import-features', 'remove-features', 'set-buffer-distances', 'batch',
] as const satisfies readonly Edit['kind'][];

/** The one key of the targets record: a programme has one target table. */
export const TARGETS_ID = 'targets';

export type EditLayer = 'treated' | 'photos' | 'reviews' | 'targets' | 'settings' | 'reference';

/** What an edit writes to: one treated polygon, photo, parcel acceptance record, the targets, the buffer distances, or reference records. */
export type EditTarget = { layer: EditLayer; id: string };

export function editTarget(edit: SingleEdit): EditTarget {
  switch (edit.kind) {
    case 'create-treated':
      return { layer: 'treated', id: edit.feature.properties.id };
    case 'update-treated-geometry':
    case 'update-treated-attributes':
    case 'delete-treated':
      return { layer: 'treated', id: edit.id };
    case 'add-photo':
      return { layer: 'photos', id: edit.photo.id };
    case 'remove-photo':
      return { layer: 'photos', id: edit.photoId };
    case 'review-parcel':
      return { layer: 'reviews', id: edit.parcelId };
    case 'set-targets':
      return { layer: 'targets', id: TARGETS_ID };
    case 'set-buffer-distances':
      return { layer: 'settings', id: 'buffer-distances' };
    // One import or removal per step: a batch holding two would be two undo steps in one.
    case 'import-features':
    case 'remove-features':
      return { layer: 'reference', id: 'features' };
  }
}

export function singleEdits(edit: Edit): readonly SingleEdit[] {
  return edit.kind === 'batch' ? edit.edits : [edit];
}
