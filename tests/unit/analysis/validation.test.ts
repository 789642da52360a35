import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { validateGeometry } from '../../../src/domain/geometry-validation.ts';
import { loadGeos, takeGeosError } from '../../../src/domain/geos/geos-loader.ts';
import { packedToGeos } from '../../../src/domain/geos/geos-geometry.ts';
import { parcel, rect, treated, zone } from '../../helpers/analysis-features.ts';
import { gemFeature, gemFeatures } from '../../helpers/gem-fixtures.ts';

const square = rect(118.5, 40, 118.51, 40.01);
const bowTie: Polygon = { type: 'Polygon', coordinates: [[[118.5, 40], [118.51, 40.01], [118.51, 40], [118.5, 40.01], [118.5, 40]]] };

describe('structural geometry checks', () => {
  it.each([
    ['null geometry', null, 'empty'],
    ['an empty Polygon', { type: 'Polygon', coordinates: [] }, 'empty'],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, 'empty'],
    ['a Point', { type: 'Point', coordinates: [118.5, 40] }, 'wrong_type'],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [square] }, 'wrong_type'],
    ['a string coordinate', { type: 'Polygon', coordinates: [[['118.5', 40], [118.6, 40], [118.6, 40.1], ['118.5', 40]]] }, 'non_numeric'],
    ['a NaN coordinate', { type: 'Polygon', coordinates: [[[NaN, 40], [118.6, 40], [118.6, 40.1], [NaN, 40]]] }, 'non_numeric'],
    ['a null position', { type: 'Polygon', coordinates: [[null, [118.6, 40], [118.6, 40.1], null]] }, 'malformed'],
    ['projected metres in a lon/lat file', rect(39_512_345, 4_412_345, 39_512_445, 4_412_445), 'out_of_range'],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[118.5, 40], [118.6, 40], [118.6, 40.1], [118.5, 40.1]]] }, 'unclosed_ring'],
    ['a two-vertex ring', { type: 'Polygon', coordinates: [[[118.5, 40], [118.6, 40], [118.5, 40]]] }, 'too_few_vertices'],
    ['a ring of one repeated point', { type: 'Polygon', coordinates: [[[118.5, 40], [118.5, 40], [118.5, 40], [118.5, 40]]] }, 'too_few_vertices'],
  ])('rejects %s with a specific reason', (_name, geometry, code) => {
    const check = validateGeometry(geometry, 'area');
    expect(check.valid).toBe(false);
    if (!check.valid) {
      expect(check.code).toBe(code);
      expect(check.reason.length).toBeGreaterThan(8);
    }
  });

  it('says where a bad coordinate is and suspects projected metres', () => {
    const check = validateGeometry(rect(39_512_345, 4_412_345, 39_512_445, 4_412_445), 'area');
    expect(check.valid || check.reason).toMatch(/outer ring vertex 0.*projected metres/);
  });

  it('accepts lines for zones but not for parcels', () => {
    const line = { type: 'LineString', coordinates: [[118.5, 40], [118.6, 40.1]] };
    expect(validateGeometry(line, 'zone').valid).toBe(true);
    expect(validateGeometry(line, 'area').valid).toBe(false);
  });

  it('drops consecutive repeated vertices with a notice instead of rejecting them', () => {
    const ring = [[118.5, 40], [118.51, 40], [118.51, 40], [118.51, 40.01], [118.5, 40.01], [118.5, 40]];
    const check = validateGeometry({ type: 'Polygon', coordinates: [ring] }, 'area');
    expect(check.valid).toBe(true);
    if (check.valid) {
      expect(check.packed.xy.length).toBe(10);
      expect(check.notices).toEqual(['outer ring: dropped 1 repeated consecutive vertex']);
    }
  });

  it('accepts the GEM boundaries with repeated vertices (Turf kinks wrongly flags them)', () => {
    for (const id of ['M2174.B1', 'M1252.B1', 'M2161.B1']) {
      const check = validateGeometry(gemFeature('china', id).geometry, 'area');
      expect(check.valid).toBe(true);
      if (check.valid) expect(check.notices.join()).toMatch(/repeated consecutive/);
    }
  });
});

describe('GEOS', () => {
  it('initialises in Node and reports an overlay failure as a message, not a crash', async () => {
    const geos = await loadGeos();
    const check = validateGeometry(bowTie, 'area');
    if (!check.valid) throw new Error(check.reason);
    const tie = packedToGeos(geos, check.packed);
    const box = geos.GEOSGeom_createRectangle(118.5, 40, 118.505, 40.01);
    takeGeosError();
    expect(geos.GEOSIntersection(tie, box)).toBe(0);
    expect(takeGeosError()).toMatch(/TopologyException/);
    geos.GEOSGeom_destroy(tie);
    geos.GEOSGeom_destroy(box);
  });
});

describe('bad features in an analysis', () => {
  const good = [parcel('A', square), parcel('B', rect(118.52, 40, 118.53, 40.01))];
  const bad = [
    parcel('bow-tie', bowTie),
    parcel('hole-outside', { type: 'Polygon', coordinates: [square.coordinates[0]!, rect(118.6, 40, 118.61, 40.01).coordinates[0]!] }),
    parcel('projected', rect(39_512_345, 4_412_345, 39_512_445, 4_412_445)),
    parcel('empty', null),
    parcel('point', { type: 'Point', coordinates: [118.5, 40] }),
    parcel('A', rect(118.7, 40, 118.71, 40.01)),
    { type: 'Feature', properties: { name: 'no id' }, geometry: square },
  ];

  it('reports each with its id and reason and leaves it out of the totals', async () => {
    const analysis = await createAnalysis({
      parcels: [...bad.slice(0, 3), ...good, ...bad.slice(3)],
      zones: [zone('Z1', 'residential_area', bowTie), zone('Z2', 'scenic_area', { type: 'Polygon', coordinates: [] }), { properties: { id: 'Z3', zone_type: 'mine' }, geometry: square }],
      treated: [treated('T2', '2021-05-01', bowTie)],
      distances: GENERAL_PRESET.distances,
    });
    const results = analysis.results();
    analysis.dispose();
    expect(results.parcels.map((p) => p.id)).toEqual(['A', 'B']);
    const codes = Object.fromEntries(results.issues.map((i) => [`${i.layer}:${i.id}`, i.code]));
    expect(codes).toEqual({
      'parcels:bow-tie': 'self_intersection',
      'parcels:hole-outside': 'invalid_topology',
      'parcels:projected': 'out_of_range',
      'parcels:empty': 'empty',
      'parcels:point': 'wrong_type',
      'parcels:A': 'duplicate_id',
      'parcels:parcels[8]': 'missing_id',
      'zones:Z1': 'self_intersection',
      'zones:Z2': 'empty',
      'zones:Z3': 'unknown_zone_type',
      'treated:T2': 'self_intersection',
    });
    expect(results.issues.find((i) => i.id === 'bow-tie')!.reason).toMatch(/self-intersection at \(118\.505, 40\.005\)/);
    const expected = ellipsoidalArea(square) + ellipsoidalArea(rect(118.52, 40, 118.53, 40.01));
    expect(results.totals.area_m2).toBeCloseTo(expected, 3);
    expect(results.totals.treated_m2).toBe(0);
    expect(results.totals.protected_overlap_m2).toBe(0);
  });

  it('takes every GEM boundary polygon and reports every point as the wrong geometry type', async () => {
    const analysis = await createAnalysis({ parcels: gemFeatures('china'), zones: [], distances: GENERAL_PRESET.distances });
    const results = analysis.results();
    analysis.dispose();
    expect(results.parcels).toHaveLength(103);
    expect(results.issues).toHaveLength(459);
    expect(new Set(results.issues.map((i) => i.code))).toEqual(new Set(['wrong_type']));
    expect(results.notices.map((n) => n.id).sort()).toEqual(['M1252.B1', 'M2161.B1', 'M2174.B1']);
  });
});
