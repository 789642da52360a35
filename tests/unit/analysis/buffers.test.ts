import { describe, expect, it } from 'vitest';
import type { LineString, Polygon, Position } from 'geojson';
import { findPreset, GENERAL_PRESET, validateBufferDistances, YANGTZE_PRESET } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { validateGeometry } from '../../../src/domain/geometry-validation.ts';
import { geosToPacked } from '../../../src/domain/geos/geos-geometry.ts';
import { loadGeos, type Geos } from '../../../src/domain/geos/geos-loader.ts';
import { ZONE_TYPES } from '../../../src/domain/model.ts';
import { unpackGeometry, type PackedGeometry } from '../../../src/domain/packed-geometry.ts';
import { zoneBuffer } from '../../../src/domain/protection-buffers.ts';
import { destination, geodesic, ngon } from '../../helpers/analysis-features.ts';

const geos: Geos = await loadGeos();

function packed(geometry: Polygon | LineString): PackedGeometry {
  const check = validateGeometry(geometry, 'zone');
  if (!check.valid) throw new Error(check.reason);
  return check.packed;
}

/** The buffer as GeoJSON, measured with GeographicLib, independently of the engine's area code. */
function bufferOf(geometry: Polygon | LineString, metres: number): Polygon {
  const ptr = zoneBuffer(geos, packed(geometry), metres);
  if (!ptr) throw new Error('no buffer');
  const out = unpackGeometry(geosToPacked(geos, ptr)!);
  geos.GEOSGeom_destroy(ptr);
  if (out.type !== 'Polygon') throw new Error(out.type);
  return out;
}

function perimeter(ring: Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += geodesic.Inverse(ring[i - 1]![1]!, ring[i - 1]![0]!, ring[i]![1]!, ring[i]![0]!).s12!;
  return s;
}

const within = (actual: number, expected: number, tolerance: number): void => {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);
};

describe('geodesic buffers of zones', () => {
  const start: Position = [118.55, 40.05];
  const segment = (length: number, azimuth: number): LineString => ({ type: 'LineString', coordinates: [start, destination(start[0]!, start[1]!, azimuth, length)] });

  it.each([
    [5000, 1000, 60], [5000, 100, 0], [20_000, 1000, 90], [30_000, 10_000, 135], [200, 500, 20],
  ])('buffers a %i m segment by %i m to 2rL + πr² within 0.5%% (azimuth %i°)', (length, r, azimuth) => {
    within(ellipsoidalArea(bufferOf(segment(length, azimuth), r)), 2 * r * length + Math.PI * r * r, 0.005);
  });

  it('puts every buffer vertex at the buffer distance from the segment, measured on the ellipsoid', () => {
    const line = segment(20_000, 70);
    const r = 1000;
    const [a, b] = line.coordinates as [Position, Position];
    const path = geodesic.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
    const samples = Array.from({ length: 2001 }, (_, k) => path.Position((path.s13 * k) / 2000));
    for (const v of bufferOf(line, r).coordinates[0]!) {
      const d = Math.min(...samples.map((s) => geodesic.Inverse(v[1]!, v[0]!, s.lat2!, s.lon2!).s12!));
      expect(Math.abs(d - r)).toBeLessThan(0.002 * r);
    }
  });

  it.each([
    ['a point-like 10 m square', 10, 500], ['a 2 km square', 2000, 1000], ['a 1 km square', 1000, 10_000],
  ])('buffers %s to A + P·r + πr² within 0.5%%', (_name, side, r) => {
    const square = ngon(118.6, 40.1, side / Math.SQRT2, 4, 45);
    const expected = ellipsoidalArea(square) + perimeter(square.coordinates[0]!) * r + Math.PI * r * r;
    within(ellipsoidalArea(bufferOf(square, r)), expected, 0.005);
  });

  it('keeps a zone polygon as it is at distance 0, and gives a line no area', () => {
    const polygon = ngon(118.6, 40.1, 700, 12);
    within(ellipsoidalArea(bufferOf(polygon, 0)), ellipsoidalArea(polygon), 1e-12);
    expect(zoneBuffer(geos, packed(segment(5000, 10)), 0)).toBeNull();
  });

  it('fills a hole narrower than twice the distance', () => {
    const outer = ngon(118.6, 40.1, 2000, 32).coordinates[0]!;
    const hole = [...ngon(118.6, 40.1, 300, 32).coordinates[0]!].reverse();
    const buffered = bufferOf({ type: 'Polygon', coordinates: [outer, hole] }, 500);
    expect(buffered.coordinates).toHaveLength(1);
  });
});

describe('buffer presets', () => {
  it('holds the defaults of DOMAIN.md', () => {
    expect(GENERAL_PRESET.name).toBe('通用');
    expect(GENERAL_PRESET.distances).toEqual({
      nature_reserve: 1000, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 1000, river_lake: 1000,
    });
  });

  it('sets river_lake to 10 km in 长江经济带 and leaves the others', () => {
    expect(YANGTZE_PRESET.distances.river_lake).toBe(10_000);
    for (const t of ZONE_TYPES.filter((t) => t !== 'river_lake')) expect(YANGTZE_PRESET.distances[t]).toBe(GENERAL_PRESET.distances[t]);
    expect(findPreset('长江经济带')).toBe(YANGTZE_PRESET);
    expect(findPreset('general')).toBe(GENERAL_PRESET);
  });

  it('reads a user-defined table, filling unnamed types from the base preset', () => {
    const check = validateBufferDistances({ traffic_line: 2000, water_source: 0 });
    expect(check).toEqual({ valid: true, distances: { ...GENERAL_PRESET.distances, traffic_line: 2000, water_source: 0 } });
  });

  it.each([
    [[1000], /object/], [{ highway: 100 }, /unknown zone type "highway"/], [{ river_lake: '1km' }, /not a number/],
    [{ river_lake: -5 }, /negative/], [{ river_lake: 5e6 }, /above/],
  ])('rejects %j', (value, reason) => {
    const check = validateBufferDistances(value);
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.reason).toMatch(reason);
  });
});

describe('protection buffers for the map', () => {
  it('gives one unioned feature per zone type with its distance, and the zone issues', async () => {
    const { protectionBufferFeatures } = await import('../../../src/domain/buffer-features.ts');
    const road = (id: string, lon: number) => ({ type: 'Feature', properties: { id, zone_type: 'traffic_line' }, geometry: { type: 'LineString', coordinates: [[lon, 40], [lon, 40.1]] } });
    const { collection, issues } = await protectionBufferFeatures([
      road('a', 118.5), road('b', 118.51), { type: 'Feature', properties: { id: 'c', zone_type: 'river_lake' }, geometry: null },
    ], GENERAL_PRESET.distances);
    expect(collection.features.map((f) => f.properties)).toEqual([{ id: 'buffer-traffic_line', zone_type: 'traffic_line', distance_m: 1000 }]);
    // Two parallel 11 km roads d ≈ 850 m apart: their 1 km buffers overlap, and the union counts
    // that once: (2r + d)·L along the sides, and at each end two half-discs less half their lens.
    const r = 1000;
    const d = geodesic.Inverse(40.05, 118.5, 40.05, 118.51).s12!;
    const length = geodesic.Inverse(40, 118.5, 40.1, 118.5).s12!;
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    within(ellipsoidalArea(collection.features[0]!.geometry as Polygon), (2 * r + d) * length + 2 * Math.PI * r * r - lens, 0.005);
    expect(issues).toEqual([expect.objectContaining({ id: 'c', code: 'empty' })]);
  });
});
