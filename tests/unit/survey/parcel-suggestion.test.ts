import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { suggestParcel } from '../../../src/domain/parcel-suggestion.ts';
import type { ParcelFeature } from '../../../src/domain/model.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const parcel = (id: string, geometry: Polygon) => ({
  type: 'Feature', geometry,
  properties: { id, mine_id: 'M', name: id, damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
}) as ParcelFeature;

describe('the parcel suggested for a drawn polygon', () => {
  const parcels = [parcel('west', box(118.6, 40, 118.61, 40.01)), parcel('east', box(118.61, 40, 118.62, 40.01))];

  it('is the parcel it shares most area with', () => {
    expect(suggestParcel(box(118.605, 40.002, 118.612, 40.004), parcels)?.properties.id).toBe('west');
    expect(suggestParcel(box(118.608, 40.002, 118.615, 40.004), parcels)?.properties.id).toBe('east');
  });

  it('is none when the polygon lies outside every parcel', () => {
    expect(suggestParcel(box(118.7, 40.002, 118.71, 40.004), parcels)).toBeNull();
  });
});
