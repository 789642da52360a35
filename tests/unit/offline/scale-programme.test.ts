// The province-scale programme for scale tests and the map bench: the counts asked for, valid
// parcels that never overlap, treated polygons inside their parcels, deterministic per seed.
import { describe, expect, it } from 'vitest';
import booleanWithin from '@turf/boolean-within';
import type { Polygon } from 'geojson';
import { isValidArea } from '../../../data/demo-generator/geojson.ts';
import { programmeFiles } from '../../../data/scale-generator/programme-files.ts';
import { scaleProgramme } from '../../../data/scale-generator/scale-programme.ts';
import { assembleProgramme } from '../../../src/io/programme-files.ts';
import { ParcelFinder } from '../../../src/domain/parcel-finder.ts';

describe('the scale programme generator', () => {
  const programme = scaleProgramme({ parcels: 2000, treated: 200, seed: 11 });

  it('makes exactly the parcels and treated polygons asked for, with unique ids', () => {
    expect(programme.parcels.features).toHaveLength(2000);
    expect(programme.treated.features).toHaveLength(200);
    expect(new Set(programme.parcels.features.map((p) => p.properties.id)).size).toBe(2000);
    expect(programme.mines.length).toBe(250);
    expect(new Set(programme.mines.map((m) => m.township_id)).size).toBe(programme.townships.length);
  });

  it('draws valid parcels that do not overlap one another', () => {
    expect(programme.parcels.features.every((p) => isValidArea(p.geometry))).toBe(true);
    const finder = new ParcelFinder(programme.parcels.features);
    for (const parcel of programme.parcels.features.slice(0, 300)) {
      const ring = (parcel.geometry as Polygon).coordinates[0]!;
      const box: [number, number, number, number] = [
        Math.min(...ring.map((p) => p[0]!)), Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[1]!)),
      ];
      expect(finder.near(box)).toEqual([parcel]);
    }
  });

  it('puts each treated polygon inside the parcel it names', () => {
    const byId = new Map(programme.parcels.features.map((p) => [p.properties.id, p]));
    for (const t of programme.treated.features) {
      expect(isValidArea(t.geometry)).toBe(true);
      expect(booleanWithin(t, byId.get(t.properties.parcel_id!)!)).toBe(true);
    }
  });

  it('is the same for the same seed, and readable as the app reads its programme files', () => {
    const files = programmeFiles(scaleProgramme({ parcels: 200, treated: 20, seed: 5 }));
    expect(programmeFiles(scaleProgramme({ parcels: 200, treated: 20, seed: 5 }))).toEqual(files);
    const read = assembleProgramme(...(['programme.json', 'parcels.geojson', 'treated.geojson', 'zones.geojson'] as const).map((n) => JSON.parse(files[n])) as [unknown, unknown, unknown, unknown]);
    expect(read.ok).toBe(true);
  });
});
