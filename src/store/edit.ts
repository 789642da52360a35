// Edits as data. Every change a surveyor makes is one of these objects; the persistence layer
// applies it, stores it in the journal and keeps its inverse for undo. They are stored in
// IndexedDB and in backups, so renaming a kind or a field is a data migration, not a refactor.
//
// Each edit names the revision of the polygon (or photo) it was based on. Revision 0 means
// "never existed"; every applied edit raises the target's revision by one, and deletion leaves
// a tombstone that keeps its revision, so an edit based on an out-of-date view is always caught.
import type { AreaGeometry, TreatedFeature, TreatedProperties } from '../domain/model.ts';
import type { PhotoMeta } from './photo.ts';

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

export type TreatedEdit = CreateTreated | UpdateTreatedGeometry | UpdateTreatedAttributes | DeleteTreated;
export type PhotoEdit = AddPhoto | RemovePhoto;
export type SingleEdit = TreatedEdit | PhotoEdit;

/**
 * Several edits applied and undone as one step, e.g. a split (delete one polygon, create two).
 * Each target appears at most once, so the inverses' base revisions stay right.
 */
export type BatchEdit = { kind: 'batch'; label: string; edits: readonly SingleEdit[] };

export type Edit = SingleEdit | BatchEdit;

export const EDIT_KINDS = [
  'create-treated', 'update-treated-geometry', 'update-treated-attributes', 'delete-treated', 'add-photo', 'remove-photo', 'batch',
] as const satisfies readonly Edit['kind'][];

/** What an edit writes to: one treated polygon or one photo, by id. */
export type EditTarget = { layer: 'treated' | 'photos'; id: string };

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
  }
}

export function singleEdits(edit: Edit): readonly SingleEdit[] {
  return edit.kind === 'batch' ? edit.edits : [edit];
}
