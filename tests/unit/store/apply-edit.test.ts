import { describe, expect, it } from 'vitest';
import { applyPhotoEdit } from '../../../src/store/apply-photo-edit.ts';
import { applyTreatedEdit } from '../../../src/store/apply-treated-edit.ts';
import type { TreatedEdit } from '../../../src/store/edit.ts';
import type { PhotoMeta } from '../../../src/store/photo.ts';
import { EMPTY_SLOT, type Slot } from '../../../src/store/slot.ts';
import type { TreatedFeature } from '../../../src/domain/model.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';
import { SQUARE_1, SQUARE_2, treatedFeature } from '../../helpers/field-store.ts';

const feature = treatedFeature('T-T1');
const slot: Slot<TreatedFeature> = deepFreeze({ revision: 3, value: feature });

function apply(current: Slot<TreatedFeature>, edit: TreatedEdit): { next: Slot<TreatedFeature>; inverse: TreatedEdit } {
  const outcome = applyTreatedEdit(current, deepFreeze(edit));
  if (!outcome.ok) throw new Error(outcome.refusal.reason);
  return { next: outcome.next, inverse: outcome.inverse as TreatedEdit };
}

describe('treated polygon edits and their inverses', () => {
  it.each<[string, TreatedEdit]>([
    ['a reshape', { kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 3, geometry: SQUARE_2 }],
    ['an attribute change', { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { note: '补植', measure: 'landform' } }],
    ['a deletion', { kind: 'delete-treated', id: 'T-T1', baseRevision: 3 }],
  ])('%s is undone exactly by its inverse, and each step raises the revision', (_name, edit) => {
    const forward = apply(slot, edit);
    expect(forward.next.revision).toBe(4);
    expect(forward.next.value).not.toEqual(feature);
    const back = apply(forward.next, forward.inverse);
    expect(back.next).toEqual({ revision: 5, value: feature });
    const again = apply(back.next, back.inverse);
    expect(again.next.value).toEqual(forward.next.value);
  });

  it('creates into an empty slot, and the inverse deletes', () => {
    const created = apply(EMPTY_SLOT, { kind: 'create-treated', baseRevision: 0, feature });
    expect(created.next).toEqual({ revision: 1, value: feature });
    expect(created.inverse).toEqual({ kind: 'delete-treated', id: 'T-T1', baseRevision: 1 });
  });

  it('inverts an attribute change with the previous values of the changed attributes only', () => {
    const { inverse } = apply(slot, { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { note: 'x' } });
    expect(inverse).toEqual({ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 4, attributes: { note: '' } });
  });

  it('never renames the polygon through an attribute change', () => {
    const sneaky = { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 3, attributes: { id: 'OTHER' } } as unknown as TreatedEdit;
    expect(apply(slot, sneaky).next.value!.properties.id).toBe('T-T1');
  });

  it('refuses an edit based on a stale revision, naming both revisions', () => {
    const outcome = applyTreatedEdit(slot, { kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 2, geometry: SQUARE_1 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.refusal.code).toBe('stale_revision');
      expect(outcome.refusal.reason).toMatch(/treated polygon T-T1 was changed elsewhere .* revision 3, the edit was based on revision 2/);
    }
  });

  it('refuses to edit a deleted polygon and to create over a live one', () => {
    const deleted: Slot<TreatedFeature> = { revision: 4, value: null };
    const edit = applyTreatedEdit(deleted, { kind: 'delete-treated', id: 'T-T1', baseRevision: 4 });
    expect(!edit.ok && edit.refusal.code).toBe('not_found');
    const create = applyTreatedEdit(slot, { kind: 'create-treated', baseRevision: 3, feature });
    expect(!create.ok && create.refusal.code).toBe('already_exists');
  });
});

describe('photo edits', () => {
  const photo: PhotoMeta = deepFreeze({ id: 'P-1', feature_id: 'T-T1', taken_at: '2025-11-20T02:00:00.000Z', location: null, size: 10, type: 'image/jpeg', name: 'a.jpg' });

  it('attaches, and the inverse detaches', () => {
    const added = applyPhotoEdit(EMPTY_SLOT, { kind: 'add-photo', baseRevision: 0, photo }, true);
    expect(added.ok && added.next).toEqual({ revision: 1, value: photo });
    expect(added.ok && added.inverse).toEqual({ kind: 'remove-photo', photoId: 'P-1', baseRevision: 1 });
  });

  it('refuses a photo for a polygon that does not exist', () => {
    const added = applyPhotoEdit(EMPTY_SLOT, { kind: 'add-photo', baseRevision: 0, photo }, false);
    expect(!added.ok && added.refusal).toMatchObject({ code: 'no_parent', reason: expect.stringMatching(/treated polygon T-T1 does not exist/) });
  });

  it('removal keeps the metadata for the undo', () => {
    const removed = applyPhotoEdit({ revision: 1, value: photo }, { kind: 'remove-photo', photoId: 'P-1', baseRevision: 1 }, true);
    expect(removed.ok && removed.inverse).toEqual({ kind: 'add-photo', baseRevision: 2, photo });
  });
});
