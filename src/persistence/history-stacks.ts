// The undo and redo stacks, stored so that they survive a reload. They belong to the database,
// not to a tab: on one device the programme has one linear history (every edit, in any tab,
// goes on it), with the undo stack before the cursor and the redo stack after it.
import { editTarget, singleEdits, type Edit, type EditLayer, type SingleEdit } from '../store/edit.ts';
import type { EditTransaction, FieldMeta, HistoryEntry } from './schema.ts';

/** Enough for a day's session; older steps stay in the journal but can no longer be undone. */
export const MAX_UNDO_STEPS = 200;

export type Stack = 'undo' | 'redo';

export async function pushStep(transaction: EditTransaction, meta: FieldMeta, stack: Stack, edit: Edit, seq: number): Promise<void> {
  meta.lastStep += 1;
  await transaction.objectStore(stack).put({ step: meta.lastStep, edit, seq });
}

/** The newest step, removed from its stack; null when the stack is empty. */
export async function popStep(transaction: EditTransaction, stack: Stack): Promise<HistoryEntry | null> {
  const cursor = await transaction.objectStore(stack).openCursor(null, 'prev');
  if (!cursor) return null;
  const entry = cursor.value;
  await cursor.delete();
  return entry;
}

/**
 * Forgets steps that can no longer be taken. A step that would re-attach a photo is the last
 * reference to that photo's image, so the image is deleted with it (if still detached).
 */
export async function discardSteps(transaction: EditTransaction, entries: readonly HistoryEntry[]): Promise<void> {
  for (const entry of entries) {
    for (const edit of singleEdits(entry.edit)) {
      if (edit.kind !== 'add-photo') continue;
      const record = await transaction.objectStore('photos').get(edit.photo.id);
      if (!record?.photo) await transaction.objectStore('photo_blobs').delete(edit.photo.id);
    }
  }
}

/** A new edit makes the redo stack meaningless. */
export async function clearRedo(transaction: EditTransaction): Promise<void> {
  const store = transaction.objectStore('redo');
  await discardSteps(transaction, await store.getAll());
  await store.clear();
}

export async function trimUndo(transaction: EditTransaction): Promise<void> {
  const store = transaction.objectStore('undo');
  let excess = (await store.count()) - MAX_UNDO_STEPS;
  if (excess <= 0) return;
  const dropped: HistoryEntry[] = [];
  for (let cursor = await store.openCursor(); cursor && excess > 0; cursor = await cursor.continue(), excess--) {
    dropped.push(cursor.value);
    await cursor.delete();
  }
  await discardSteps(transaction, dropped);
}

function withBase(edit: Edit, target: string, revision: number): Edit {
  const rebase = (part: SingleEdit): SingleEdit => {
    const t = editTarget(part);
    return `${t.layer}/${t.id}` === target && 'baseRevision' in part ? { ...part, baseRevision: revision } : part;
  };
  return edit.kind === 'batch' ? { ...edit, edits: edit.edits.map(rebase) } : rebase(edit);
}

/**
 * After a step taken from `stack` set a polygon or photo to `revision`, the next step of that
 * stack touching it expects exactly the content it now has (the history is linear), but was
 * recorded against the revision of its own time; this brings it up to date. The revision check
 * thus still catches any change made outside the history (another app version, a repair).
 */
export async function rebaseNextStep(transaction: EditTransaction, stack: Stack, layer: EditLayer, id: string, revision: number): Promise<void> {
  const target = `${layer}/${id}`;
  for (let cursor = await transaction.objectStore(stack).openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    const touches = singleEdits(cursor.value.edit).some((part) => {
      const t = editTarget(part);
      return `${t.layer}/${t.id}` === target;
    });
    if (!touches) continue;
    await cursor.update({ ...cursor.value, edit: withBase(cursor.value.edit, target, revision) });
    return;
  }
}
