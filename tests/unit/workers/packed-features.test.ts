import { describe, expect, it } from 'vitest';
import { packedBuffers, packFeatures, unpackFeatures } from '../../../src/workers/packed-features.ts';
import type { InputFeature } from '../../../src/domain/analysis-types.ts';

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const hole = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]];

const features: InputFeature[] = [
  { type: 'Feature', id: 7, properties: { id: 'P1', name: '采坑 <b>' }, geometry: { type: 'Polygon', coordinates: [square, hole] } },
  { type: 'Feature', properties: { id: 'M1' }, geometry: { type: 'MultiPolygon', coordinates: [[square], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] } },
  { type: 'Feature', properties: { id: 'L1' }, geometry: { type: 'LineString', coordinates: [[118.123456789012, 40.1], [-0.5, 1e-12]] } },
  { type: 'Feature', properties: { id: 'ML' }, geometry: { type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8], [9, 10]]] } },
  { type: 'Feature', properties: { id: 'PT' }, geometry: { type: 'Point', coordinates: [118.5, 39.25] } },
  { type: 'Feature', properties: { id: 'MP' }, geometry: { type: 'MultiPoint', coordinates: [] } },
  { type: 'Feature', properties: null, geometry: null },
];

describe('features packed for the analysis worker', () => {
  it('come back exactly as they went, every geometry type, hole and empty part included', () => {
    expect(unpackFeatures(packFeatures(features))).toEqual(features);
  });

  it('put every coordinate in one transferable array', () => {
    const packed = packFeatures(features);
    // 5+4 (polygon) + 5+4 (multipolygon) + 2 + 5 + 1 + 0 positions, two numbers each.
    expect(packed.coords.length).toBe(2 * (9 + 9 + 2 + 5 + 1));
    expect(packed.unpacked).toEqual([]);
    const buffers = packedBuffers(packed);
    expect(buffers).toHaveLength(2);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
    // Transferred buffers survive a structured clone to the worker and back.
    const moved = structuredClone(packed, { transfer: buffers });
    expect(unpackFeatures(moved)).toEqual(features);
    expect(packed.coords.length).toBe(0);
  });

  it('send geometries they cannot pack untouched, so the analysis judges them as before', () => {
    const odd: InputFeature[] = [
      { type: 'Feature', properties: { id: 'Z' }, geometry: { type: 'Polygon', coordinates: [[[0, 0, 12], [1, 0, 12], [1, 1, 12], [0, 0, 12]]] } },
      { type: 'Feature', properties: { id: 'S' }, geometry: { type: 'LineString', coordinates: [['118', 40], [119, 41]] } },
      { type: 'Feature', properties: { id: 'G' }, geometry: { type: 'GeometryCollection', geometries: [] } },
      { type: 'Feature', properties: { id: 'B' }, geometry: { type: 'Polygon' } },
      { type: 'Feature', properties: { id: 'X' }, geometry: 'not a geometry' },
      { type: 'Feature', properties: { id: 'OK' }, geometry: { type: 'Point', coordinates: [1, 2] } },
    ];
    const packed = packFeatures(odd);
    expect(packed.unpacked).toHaveLength(5);
    expect(unpackFeatures(packed)).toEqual(odd);
  });
});
