import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { collectionDiff } from '../../../src/map/collection-diff.ts';

const feature = (id: string | null, x = 0): Feature => ({ type: 'Feature', properties: id === null ? {} : { id }, geometry: { type: 'Point', coordinates: [x, 0] } });
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const ids = (d: ReturnType<typeof collectionDiff>) => (d === null || d === 'full' ? d : { add: d.add.map((f) => f.properties?.['id']), remove: d.remove });

describe('what an edit changed in a collection', () => {
  const base = Array.from({ length: 10 }, (_, i) => feature(`F${i}`, i));

  it('is the changed feature when one is replaced in place', () => {
    const after = [...base];
    after[3] = feature('F3', 33);
    expect(ids(collectionDiff(collection(base), collection(after)))).toEqual({ add: ['F3'], remove: [] });
  });

  it('is nothing when only the array is new', () => {
    expect(collectionDiff(collection(base), collection([...base]))).toBeNull();
  });

  it('is an addition and a removal when the order or the length changes', () => {
    const after = [...base.slice(1), feature('F10', 10)];
    expect(ids(collectionDiff(collection(base), collection(after)))).toEqual({ add: ['F10'], remove: ['F0'] });
    const swapped = [base[1]!, base[0]!, ...base.slice(2)];
    expect(collectionDiff(collection(base), collection(swapped))).toBeNull();
  });

  it('is a whole reload when ids repeat or are missing, even for a change in place', () => {
    const twice = [...base.slice(0, 9), feature('F0', 9)];
    const changed = [...twice];
    changed[4] = feature('F4', 44);
    expect(collectionDiff(collection(twice), collection(changed))).toBe('full');
    const anonymous = [feature(null), ...base.slice(1)];
    const changedAnonymous = [feature(null, 5), ...base.slice(1)];
    expect(collectionDiff(collection(anonymous), collection(changedAnonymous))).toBe('full');
  });

  it('is a whole reload when more than a quarter changed', () => {
    // A quarter of 10, rounded up: 3 changes are a diff, 4 a reload.
    const four = base.map((f, i) => (i < 4 ? feature(`F${i}`, 100 + i) : f));
    expect(collectionDiff(collection(base), collection(four))).toBe('full');
    const three = base.map((f, i) => (i < 3 ? feature(`F${i}`, 100 + i) : f));
    expect(ids(collectionDiff(collection(base), collection(three)))).toEqual({ add: ['F0', 'F1', 'F2'], remove: [] });
  });
});
