import { describe, expect, it } from 'vitest';
import { readGeojsonForView } from '../../../src/io/geojson-file.ts';

const read = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return readGeojsonForView(text, text.length);
};
const square = { type: 'Polygon', coordinates: [[[118, 40], [118.1, 40], [118.1, 40.1], [118, 40.1], [118, 40]]] };

describe('reading a GeoJSON file for viewing', () => {
  it('accepts a FeatureCollection, a Feature and a bare geometry', () => {
    for (const v of [{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: square }] }, { type: 'Feature', properties: null, geometry: square }, square]) {
      const r = read(v);
      expect(r.ok && r.value.features.length).toBe(1);
    }
  });

  it('gives every feature a unique id, keeping the file\'s own where it is unique', () => {
    const f = (id: unknown) => ({ type: 'Feature', id, properties: {}, geometry: square });
    const r = read({ type: 'FeatureCollection', features: [f('a'), f('a'), f(undefined)] });
    expect(r.ok && r.value.features.map((x) => x.properties!.id)).toEqual(['a', 'a#2', 'feature-3']);
  });

  it.each([
    ['{"type": "FeatureCollection", "features": [', /not valid JSON/],
    [{ type: 'Topology' }, /"Topology", not a GeoJSON type/],
    [{ type: 'FeatureCollection' }, /without a "features" array/],
    [{ type: 'FeatureCollection', features: [{ type: 'Point', coordinates: [1, 2] }] }, /feature 1 is not a GeoJSON Feature/],
    [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [39512345.2, 4432123.5] } }, /outside longitude\/latitude/],
  ])('refuses %j with a specific reason', (input, reason) => {
    const r = read(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = readGeojsonForView('{}', 300 * 1024 * 1024);
    expect(!r.ok && r.reason).toMatch(/limit is 200 MB/);
  });
});
