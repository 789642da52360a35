// The treated-polygon form offers every parcel of a county programme, and in a province-scale one
// only the parcels near the polygon (plus the one already chosen), found through an index.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { ALL_PARCELS_UP_TO, parcelChoices } from '../../../src/domain/parcel-choices.ts';
import { ParcelFinder } from '../../../src/domain/parcel-finder.ts';
import { scaleProgramme } from '../../../data/scale-generator/scale-programme.ts';

describe('parcels offered for a treated polygon', () => {
  const big = scaleProgramme({ parcels: 3000, treated: 300, seed: 3 });
  const parcels = big.parcels.features;

  it('offers every parcel of a small programme', () => {
    const small = parcels.slice(0, ALL_PARCELS_UP_TO);
    expect(parcelChoices(small[0]!.geometry, small, null)).toEqual({ parcels: small, limited: false });
  });

  it('offers only parcels within 5 km in a large programme, the chosen one included', () => {
    const treated = big.treated.features[0]!;
    const far = parcels[parcels.length - 1]!;
    const choices = parcelChoices(treated.geometry, parcels, far.properties.id);
    expect(choices.limited).toBe(true);
    expect(choices.parcels.length).toBeLessThan(parcels.length / 5);
    expect(choices.parcels.map((p) => p.properties.id)).toContain(treated.properties.parcel_id);
    expect(choices.parcels[0]).toBe(far);
  });

  it('finds exactly the parcels whose bbox meets a box, in collection order', () => {
    const finder = new ParcelFinder(parcels);
    const target = parcels[1234]!.geometry as Polygon;
    const xs = target.coordinates[0]!.map((p) => p[0]!);
    const ys = target.coordinates[0]!.map((p) => p[1]!);
    const box: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    expect(finder.near(box).map((p) => p.properties.id)).toEqual([parcels[1234]!.properties.id]);
  });
});
