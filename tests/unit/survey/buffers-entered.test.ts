import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { buffersEntered } from '../../../src/domain/buffers-entered.ts';
import type { ZoneType } from '../../../src/domain/model.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const buffers: FeatureCollection<Polygon, { zone_type: ZoneType }> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { zone_type: 'river_lake' }, geometry: box(118.5, 40, 118.51, 40.1) },
    { type: 'Feature', properties: { zone_type: 'residential_area' }, geometry: box(118.6, 40, 118.62, 40.02) },
  ],
};

describe('buffers entered by a polygon being drawn', () => {
  it('names every buffer the polygon shares area or an edge with, and no other', () => {
    expect(buffersEntered(box(118.505, 40.05, 118.52, 40.06), buffers)).toEqual(['river_lake']);
    expect(buffersEntered(box(118.505, 40.01, 118.61, 40.015), buffers)).toEqual(['river_lake', 'residential_area']);
    expect(buffersEntered(box(118.7, 40.01, 118.71, 40.015), buffers)).toEqual([]);
    expect(buffersEntered(box(118.55, 40.01, 118.56, 40.015), null)).toEqual([]);
  });
});
