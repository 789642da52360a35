import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import type { AnalysisInput, AnalysisResults } from '../../../src/domain/analysis-types.ts';
import { GENERAL_PRESET, type BufferDistances } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { ZONE_TYPES } from '../../../src/domain/model.ts';
import { destination, parcel, rect, zone } from '../../helpers/analysis-features.ts';
import { gemFeature } from '../../helpers/gem-fixtures.ts';

const ZERO: BufferDistances = Object.fromEntries(ZONE_TYPES.map((t) => [t, 0])) as unknown as BufferDistances;

async function analyse(input: Omit<AnalysisInput, 'distances'> & { distances?: BufferDistances }): Promise<AnalysisResults> {
  const analysis = await createAnalysis({ distances: ZERO, ...input });
  const results = analysis.results();
  analysis.dispose();
  return results;
}

const close = (actual: number, expected: number, relative = 1e-8): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-6);
};

describe('overlap with protection zones, against hand-computed polygons', () => {
  it('measures the part of a parcel inside a zone polygon (distance 0)', async () => {
    const results = await analyse({
      parcels: [parcel('P', rect(118.5, 40, 118.52, 40.02))],
      zones: [zone('Z', 'nature_reserve', rect(118.51, 39.99, 118.53, 40.03))],
    });
    const p = results.parcels[0]!;
    const inside = ellipsoidalArea(rect(118.51, 40, 118.52, 40.02));
    close(p.protected_overlap_m2, inside);
    close(p.protected_overlap_by_type.nature_reserve, inside);
    close(p.area_m2, ellipsoidalArea(rect(118.5, 40, 118.52, 40.02)));
    expect(p.zones).toEqual(['Z']);
  });

  it('measures the strip of a parcel within 1 km of a road, the road along a meridian', async () => {
    const [south, north] = [40.095, 40.105];
    const road = { type: 'LineString' as const, coordinates: [[118.5, 39.9], [118.5, 40.3]] };
    const results = await analyse({
      parcels: [parcel('P', rect(118.48, south, 118.53, north))],
      zones: [zone('R', 'traffic_line', road)],
      distances: GENERAL_PRESET.distances,
    });
    // The buffer edges are the points 1000 m east and west of the meridian, found geodesically.
    const east = (lat: number): number => destination(118.5, lat, 90, 1000)[0]!;
    const west = (lat: number): number => destination(118.5, lat, 270, 1000)[0]!;
    const strip: Polygon = { type: 'Polygon', coordinates: [[[west(south), south], [east(south), south], [east(north), north], [west(north), north], [west(south), south]]] };
    close(results.parcels[0]!.protected_overlap_by_type.traffic_line, ellipsoidalArea(strip), 1e-4);
    close(results.parcels[0]!.protected_overlap_m2, ellipsoidalArea(strip), 1e-4);
  });

  it('counts a parcel inside the buffers of two zone types once in the total', async () => {
    const results = await analyse({
      parcels: [parcel('P', rect(118.5, 40, 118.52, 40.02))],
      zones: [zone('A', 'scenic_area', rect(118.5, 40, 118.515, 40.02)), zone('B', 'water_source', rect(118.51, 40, 118.52, 40.02))],
    });
    const p = results.parcels[0]!;
    close(p.protected_overlap_by_type.scenic_area, ellipsoidalArea(rect(118.5, 40, 118.515, 40.02)));
    close(p.protected_overlap_by_type.water_source, ellipsoidalArea(rect(118.51, 40, 118.52, 40.02)));
    close(p.protected_overlap_m2, p.area_m2);
    expect(p.zones).toEqual(['A', 'B']);
  });

  it('unions the buffers of one type so that overlapping zones are not counted twice', async () => {
    const results = await analyse({
      parcels: [parcel('P', rect(118.5, 40, 118.52, 40.02))],
      zones: [zone('A', 'residential_area', rect(118.5, 40, 118.515, 40.02)), zone('B', 'residential_area', rect(118.505, 40, 118.52, 40.01))],
    });
    const p = results.parcels[0]!;
    // The union's outline, with the vertex where B's corner nodes the shared southern edge: an
    // extra vertex on a parallel changes a geodesic-edged area, so the reference keeps it too.
    const union: Polygon = { type: 'Polygon', coordinates: [[
      [118.5, 40], [118.505, 40], [118.515, 40], [118.52, 40], [118.52, 40.01], [118.515, 40.01], [118.515, 40.02], [118.5, 40.02], [118.5, 40],
    ]] };
    const expected = ellipsoidalArea(union);
    expect(expected).toBeLessThan(ellipsoidalArea(rect(118.5, 40, 118.515, 40.02)) + ellipsoidalArea(rect(118.505, 40, 118.52, 40.01)) - 1e5);
    close(p.protected_overlap_by_type.residential_area, expected);
    close(p.protected_overlap_m2, expected);
  });

  it('lists only zones that share area, not ones that touch along an edge or lie elsewhere', async () => {
    const results = await analyse({
      parcels: [parcel('P', rect(118.5, 40, 118.52, 40.02)), parcel('Far', rect(118.8, 40.2, 118.81, 40.21))],
      zones: [zone('Touching', 'scenic_area', rect(118.52, 40, 118.53, 40.02)), zone('Inside', 'water_source', rect(118.505, 40.005, 118.51, 40.01))],
    });
    expect(results.parcels[0]!.zones).toEqual(['Inside']);
    expect(results.parcels[0]!.protected_overlap_by_type.scenic_area).toBe(0);
    expect(results.parcels[1]!.zones).toEqual([]);
    expect(results.parcels[1]!.protected_overlap_m2).toBe(0);
  });

  it('finds the 177.7 m² sliver where the GEM boundaries of Fangezhuang and Lvjiatuo overlap', async () => {
    const results = await analyse({
      parcels: [gemFeature('tangshan', 'M1121.B1')],
      zones: [{ ...gemFeature('tangshan', 'M1174.B1'), properties: { id: 'M1174.B1', zone_type: 'water_source' } }],
    });
    expect(results.parcels[0]!.protected_overlap_m2).toBeGreaterThan(177.65);
    expect(results.parcels[0]!.protected_overlap_m2).toBeLessThan(177.75);
    expect(results.parcels[0]!.zones).toEqual(['M1174.B1']);
  });

  it('clips only parcels that cross a buffer edge: the work follows the overlaps, not parcels × zones', async () => {
    const grid = Array.from({ length: 400 }, (_, i) => parcel(`P${i}`, rect(118.5 + (i % 20) * 0.003, 40 + Math.floor(i / 20) * 0.003, 118.502 + (i % 20) * 0.003, 40.002 + Math.floor(i / 20) * 0.003)));
    const farZones = Array.from({ length: 30 }, (_, i) => zone(`Z${i}`, 'scenic_area', rect(119.5 + i * 0.01, 41, 119.505 + i * 0.01, 41.005)));
    const far = await createAnalysis({ parcels: grid, zones: farZones, distances: GENERAL_PRESET.distances });
    expect(far.counter.clips).toBe(0);
    far.dispose();
    // One zone whose 1 km buffer edge runs through the grid: only the parcels on that edge are clipped.
    const near = await createAnalysis({ parcels: grid, zones: [...farZones, zone('N', 'scenic_area', rect(118.52, 40.02, 118.53, 40.03))], distances: GENERAL_PRESET.distances });
    const results = near.results();
    const partial = results.parcels.filter((p) => p.protected_overlap_m2 > 0 && p.protected_overlap_m2 < p.area_m2 - 1e-6).length;
    expect(partial).toBeGreaterThan(0);
    expect(near.counter.clips).toBeLessThanOrEqual(2 * partial);
    expect(results.parcels.filter((p) => p.protected_overlap_m2 > 0).length).toBeGreaterThan(partial);
    near.dispose();
  });
});
