// Applies one photo edit to one photo's metadata. Removing a photo only detaches it: the image
// stays stored while an undo could bring it back (persistence drops it when that can no longer
// happen), so undoing a removal never needs the bytes again.
import type { PhotoEdit } from './edit.ts';
import type { PhotoMeta } from './photo.ts';
import { revisionRefusal, type Applied, type Slot } from './slot.ts';

/** `parentAlive`: whether the treated polygon the photo is attached to currently exists. */
export function applyPhotoEdit(slot: Slot<PhotoMeta>, edit: PhotoEdit, parentAlive: boolean): Applied<PhotoMeta> {
  const id = edit.kind === 'add-photo' ? edit.photo.id : edit.photoId;
  const stale = revisionRefusal(`photo ${id}`, slot, edit.baseRevision);
  if (stale) return { ok: false, refusal: stale };
  const revision = slot.revision + 1;
  if (edit.kind === 'add-photo') {
    if (slot.value) return { ok: false, refusal: { code: 'already_exists', reason: `photo ${id} is already attached` } };
    if (!parentAlive) {
      return { ok: false, refusal: { code: 'no_parent', reason: `treated polygon ${edit.photo.feature_id} does not exist, so photo ${id} cannot be attached to it` } };
    }
    return { ok: true, next: { revision, value: edit.photo }, inverse: { kind: 'remove-photo', photoId: id, baseRevision: revision } };
  }
  if (!slot.value) return { ok: false, refusal: { code: 'not_found', reason: `photo ${id} is not attached (removed, perhaps in another tab)` } };
  return { ok: true, next: { revision, value: null }, inverse: { kind: 'add-photo', baseRevision: revision, photo: slot.value } };
}
