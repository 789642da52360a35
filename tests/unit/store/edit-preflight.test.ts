import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/store/edit.ts';
import { editShapeProblems } from '../../../src/store/edit-shape.ts';
import { preflightEdit } from '../../../src/store/edit-preflight.ts';
import { checkAreaGeometry } from '../../../src/store/geometry-check.ts';
import { journalEntryProblem } from '../../../src/store/journal-entry.ts';
import { newPhotoId, newTreatedId } from '../../../src/store/new-id.ts';
import { BOW_TIE, NOW, SQUARE_2, treatedFeature } from '../../helpers/field-store.ts';

const rules = { checkGeometry: checkAreaGeometry, maxPhotoBytes: 1000, now: NOW };
const reasons = async (edit: unknown, who = '赵军'): Promise<string[]> => (await preflightEdit(edit as Edit, who, rules)).map((p) => p.reason);

describe('checking an edit before it reaches the database', () => {
  it('passes a well-formed creation', async () => {
    expect(await reasons({ kind: 'create-treated', baseRevision: 0, feature: treatedFeature('T-T9') })).toEqual([]);
  });

  it('refuses a self-intersecting polygon, saying where', async () => {
    expect(await reasons({ kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 1, geometry: BOW_TIE })).toEqual([
      expect.stringMatching(/^self-intersection at \(118\.505, 40\.105\)/),
    ]);
  });

  it('refuses a degenerate ring', async () => {
    const sliver = { type: 'Polygon', coordinates: [[[118.5, 40.1], [118.51, 40.1], [118.5, 40.1]]] };
    expect(await reasons({ kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 1, geometry: sliver })).toEqual([
      'outer ring has 2 distinct vertices; a ring needs at least 3',
    ]);
  });

  it('refuses an edit without an editor', async () => {
    expect(await reasons({ kind: 'delete-treated', id: 'T-T1', baseRevision: 1 }, ' ')).toEqual([expect.stringMatching(/name \(who\) is missing/)]);
  });

  it('refuses an update that is not based on an existing revision', async () => {
    expect(await reasons({ kind: 'delete-treated', id: 'T-T1', baseRevision: 0 })).toEqual(['baseRevision 0 is not a whole number ≥ 1']);
  });

  it('refuses changing attributes a form does not edit', async () => {
    expect(await reasons({ kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1, attributes: { id: 'X' } })).toEqual([
      expect.stringMatching(/^id cannot be changed/),
    ]);
  });

  it('refuses a photo that is too large or not an image', async () => {
    const photo = { id: 'P-1', feature_id: 'T-T1', taken_at: '2025-11-20T02:00:00Z', location: null, size: 5000, type: 'text/plain', name: 'x.txt' };
    expect(await reasons({ kind: 'add-photo', baseRevision: 0, photo })).toEqual([
      expect.stringMatching(/is 5 KB; the limit is 1 KB/),
      'file type "text/plain" is not an image',
    ]);
  });
});

describe('batches', () => {
  const split: Edit = {
    kind: 'batch',
    label: 'split',
    edits: [
      { kind: 'delete-treated', id: 'T-T1', baseRevision: 1 },
      { kind: 'create-treated', baseRevision: 0, feature: treatedFeature('T-T1a') },
      { kind: 'create-treated', baseRevision: 0, feature: treatedFeature('T-T1b', {}, SQUARE_2) },
    ],
  };

  it('accepts a split into distinct polygons', () => {
    expect(editShapeProblems(split)).toEqual([]);
  });

  it('refuses a batch that changes one polygon twice (its undo could not be based on the right revision)', () => {
    const twice: Edit = { kind: 'batch', label: 'x', edits: [{ kind: 'delete-treated', id: 'T-T1', baseRevision: 1 }, { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 2, attributes: { note: '' } }] };
    expect(editShapeProblems(twice).map((p) => p.reason)).toEqual([expect.stringMatching(/changes treated polygon T-T1 twice/)]);
  });

  it('refuses nested and empty batches', () => {
    expect(editShapeProblems({ kind: 'batch', label: 'x', edits: [] })[0]!.reason).toBe('batch has no edits');
    expect(editShapeProblems({ kind: 'batch', label: 'x', edits: [split] })[0]!.reason).toBe('edit 0 of the batch is itself a batch');
  });
});

describe('journal entries read from a backup', () => {
  it('accepts a proper entry and names what is wrong with a broken one', () => {
    const entry = { seq: 1, at: '2025-11-20T02:00:00.000Z', who: '赵军', action: 'edit', edit: { kind: 'delete-treated', id: 'T-T1', baseRevision: 1 } };
    expect(journalEntryProblem(entry)).toBeNull();
    expect(journalEntryProblem({ ...entry, action: 'merge' })).toMatch(/action "merge"/);
    expect(journalEntryProblem({ ...entry, edit: { kind: 'teleport' } })).toMatch(/unknown edit kind "teleport"/);
  });
});

describe('new ids', () => {
  it('are unique, valid feature ids, and cannot collide with seed ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newTreatedId('QA-DEMO', NOW)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^QA-DEMO-U-[a-z0-9]+$/);
    expect(newPhotoId(NOW)).toMatch(/^P-[a-z0-9]+$/);
  });
});
