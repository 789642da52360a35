// The programme's buffer distances as stored data (schema version 4): revisioned like the
// targets, so a change is journaled and undoable and a stale edit from another tab is refused.
// null means "none chosen yet": the app's default preset applies.
import { validateBufferDistances, type BufferDistances } from '../domain/buffer-presets.ts';
import type { SetBufferDistances } from './edit.ts';
import type { Problem } from './problem.ts';
import { revisionRefusal, type Applied, type Slot } from './slot.ts';

/** The one key of the buffer distances record. */
export const BUFFER_DISTANCES_ID = 'buffer-distances';

export interface BufferDistancesRecord {
  /** Always BUFFER_DISTANCES_ID. */
  id: string;
  revision: number;
  distances: BufferDistances | null;
}

export function distancesSlot(record: BufferDistancesRecord | undefined | null): Slot<BufferDistances> {
  return record ? { revision: record.revision, value: record.distances } : { revision: 0, value: null };
}

export function applyBufferDistancesEdit(slot: Slot<BufferDistances>, edit: SetBufferDistances): Applied<BufferDistances> {
  const stale = revisionRefusal('the buffer distances', slot, edit.baseRevision);
  if (stale) return { ok: false, refusal: stale };
  const revision = slot.revision + 1;
  return { ok: true, next: { revision, value: edit.distances }, inverse: { kind: 'set-buffer-distances', baseRevision: revision, distances: slot.value } };
}

/** Every zone type named, each a distance the planner could mean (see domain/buffer-presets.ts). */
export function bufferDistancesProblems(distances: unknown): Problem[] {
  if (distances === null) return [];
  const check = validateBufferDistances(distances);
  return check.valid ? [] : [{ field: 'distances', code: 'invalid', reason: check.reason }];
}
