import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { featureParts } from '../../../src/map/feature-parts.ts';

const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];

describe('a buffer as one feature per polygon', () => {
  const buffers: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'buffer-river_lake', zone_type: 'river_lake' }, geometry: { type: 'MultiPolygon', coordinates: [square(0), square(5)] } },
      { type: 'Feature', properties: { id: 'buffer-nature_reserve', zone_type: 'nature_reserve' }, geometry: { type: 'Polygon', coordinates: square(9) } },
    ],
  };

  it('splits a multipolygon into its polygons, each with its own id and the same properties', () => {
    const parts = featureParts(buffers);
    expect(parts.features.map((f) => f.properties?.['id'])).toEqual(['buffer-river_lake/0', 'buffer-river_lake/1', 'buffer-nature_reserve']);
    expect(parts.features[1]!.geometry).toEqual({ type: 'Polygon', coordinates: square(5) });
    expect(parts.features[1]!.properties?.['zone_type']).toBe('river_lake');
    expect(parts.features[2]).toBe(buffers.features[1]);
  });

  it('gives the same collection back for the same buffers, so an unchanged one is not sent again', () => {
    expect(featureParts(buffers)).toBe(featureParts(buffers));
  });
});
