// Which two photos a parcel's before/after comparison offers first: those the surveyor filed as
// 治理前 / 治理后 (the earliest "before", the latest "after"); without slots, the earliest and the
// latest photo, as before slots existed. The reviewer may still pick any other pair.
import type { PhotoMeta } from '../store/photo.ts';

/** Indexes into `sorted` (oldest first). */
export function photoPairChoice(sorted: readonly PhotoMeta[]): { before: number; after: number } {
  const firstBefore = sorted.findIndex((p) => p.slot === 'before');
  const lastAfter = sorted.findLastIndex((p) => p.slot === 'after');
  const before = firstBefore >= 0 ? firstBefore : Math.max(0, sorted.findIndex((p) => p.slot !== 'after'));
  const lastNotBefore = sorted.findLastIndex((p, i) => p.slot !== 'before' && i !== before);
  const after = lastAfter >= 0 ? lastAfter : lastNotBefore >= 0 ? lastNotBefore : Math.max(0, sorted.length - 1);
  return { before, after };
}
