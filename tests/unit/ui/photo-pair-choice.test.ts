import { describe, expect, it } from 'vitest';
import type { PhotoMeta, PhotoSlot } from '../../../src/store/photo.ts';
import { photoPairChoice } from '../../../src/ui/photo-pair-choice.ts';

const photo = (id: string, day: number, slot?: PhotoSlot): PhotoMeta => ({
  id, feature_id: 'T-T1', taken_at: `2025-05-${String(day).padStart(2, '0')}T02:00:00Z`, location: null, size: 1, type: 'image/jpeg', name: id, ...(slot ? { slot } : {}),
});
const ids = (sorted: PhotoMeta[]) => {
  const { before, after } = photoPairChoice(sorted);
  return [sorted[before]!.id, sorted[after]!.id];
};

describe('the before/after pair offered first', () => {
  it('pairs the photos filed as before and after, whatever their times', () => {
    // The after photo was taken (or its clock set) earlier than the before photo.
    expect(ids([photo('after', 1, 'after'), photo('free', 2), photo('before', 3, 'before')])).toEqual(['before', 'after']);
  });

  it('takes the earliest before and the latest after when there are several', () => {
    expect(ids([photo('b1', 1, 'before'), photo('b2', 2, 'before'), photo('a1', 3, 'after'), photo('a2', 4, 'after')])).toEqual(['b1', 'a2']);
  });

  it('falls back to the earliest and the latest for photos without slots (stored before slots existed)', () => {
    expect(ids([photo('p1', 1), photo('p2', 2), photo('p3', 3)])).toEqual(['p1', 'p3']);
  });

  it('pairs a filed photo with a free one on the other side, never a photo with itself', () => {
    expect(ids([photo('free1', 1), photo('b', 2, 'before'), photo('free2', 3)])).toEqual(['b', 'free2']);
    expect(ids([photo('a', 1, 'after'), photo('free', 2)])).toEqual(['free', 'a']);
  });
});
