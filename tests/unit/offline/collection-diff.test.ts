// An edit reaches the map as the features that changed, found by id and object identity; a
// collection that changed wholesale, or whose ids are not unique, is sent whole.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { collectionDiff } from '../../../src/map/collection-diff.ts';

function feature(id: string | number | null, x = 0): Feature {
  return { type: 'Feature', properties: id === null ? {} : { id }, geometry: { type: 'Point', coordinates: [x, 0] } };
}
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('the diff between two versions of a collection', () => {
  const features = Array.from({ length: 20 }, (_, i) => feature(`T${i}`, i));
  const before = collection(features);

  it('is nothing for the same collection or the same features', () => {
    expect(collectionDiff(before, before)).toBeNull();
    expect(collectionDiff(before, collection([...features]))).toBeNull();
  });

  it('holds an added, a changed and a removed feature', () => {
    const changed = feature('T3', 99);
    const added = feature('T20', 20);
    const after = collection([...features.slice(0, 3), changed, ...features.slice(4, 19), added]);
    expect(collectionDiff(before, after)).toEqual({ add: [changed, added], remove: ['T19'] });
  });

  it('keeps numeric and string ids apart, as MapLibre does', () => {
    const a = collection([feature(5), feature('5')]);
    expect(collectionDiff(a, collection([a.features[0]!]))).toEqual({ add: [], remove: ['5'] });
  });

  it('sends the whole collection when most of it changed', () => {
    expect(collectionDiff(before, collection(features.map((_, i) => feature(`T${i}`, i + 1))))).toBe('full');
  });

  it('sends the whole collection when ids are missing or repeated', () => {
    expect(collectionDiff(before, collection([...features, feature(null)]))).toBe('full');
    expect(collectionDiff(before, collection([...features, feature('T1', 5)]))).toBe('full');
  });
});
