// Treated area against an independent computation, on random parcels with long edges and 2–6
// treated polygons overlapping each other and the parcel.
//
// The reference is independent of the engine's code path: the overlay is Turf's (polyclip-ts,
// a Martinez-Rueda sweep line, not GEOS), done on the lon/lat coordinates as they are, which is
// the same planar model of edges GEOS and PostGIS's ST_Intersection overlay in, so both find the
// same crossing points; the area is GeographicLib's (ellipsoidal-area.ts), not the engine's
// authalic-sphere measure (authalic-area.ts). A local projection would not do here: it moves
// the crossing points on long edges by centimetres, which on a kilometre of edge is square
// metres, far above the 1e-6 asked for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { MultiPolygon, Polygon } from 'geojson';
import { Analysis } from '../../../src/domain/analysis-engine.ts';
import { UNKNOWN_YEAR, type InputFeature } from '../../../src/domain/analysis-types.ts';
import type { BufferDistances } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { loadGeos } from '../../../src/domain/geos/geos-loader.ts';
import { ZONE_TYPES } from '../../../src/domain/model.ts';
import { destination, feature, parcel } from '../../helpers/analysis-features.ts';

const ZERO = Object.fromEntries(ZONE_TYPES.map((t) => [t, 0])) as unknown as BufferDistances;

/**
 * A star-shaped polygon around (lon, lat): vertices at jittered, increasing bearings (each step
 * under 144°, so the polygon is simple and holds a disc of 0.3 × the least radius around its
 * centre), at geodesic distances from the centre.
 */
const star = (minRadius: number, maxRadius: number) => fc.record({
  radii: fc.array(fc.double({ min: minRadius, max: maxRadius, noNaN: true }), { minLength: 4, maxLength: 9 }),
  jitter: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 9, maxLength: 9 }),
  rotation: fc.double({ min: 0, max: 360, noNaN: true }),
});

type Star = { radii: number[]; jitter: number[]; rotation: number };

function starPolygon(lon: number, lat: number, s: Star): Polygon {
  const step = 360 / s.radii.length;
  const ring = s.radii.map((r, i) => destination(lon, lat, s.rotation + step * (i + s.jitter[i]!), r));
  ring.reverse();
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

const year = fc.option(fc.integer({ min: 2019, max: 2025 }), { nil: null, freq: 5 });

const scene = fc.record({
  lon: fc.double({ min: 117.5, max: 119.5, noNaN: true }),
  lat: fc.double({ min: 39.5, max: 40.5, noNaN: true }),
  // Edges of 100 m to 1.5 km: long enough that an overlay splitting them moves a geodesic area.
  parcel: star(150, 900),
  treated: fc.array(fc.record({
    bearing: fc.double({ min: 0, max: 360, noNaN: true }),
    /** Distance of its centre from the parcel's, as a share of 0.3 × its own least radius. */
    offset: fc.double({ min: 0, max: 1, noNaN: true }),
    shape: star(40, 700),
    year,
  }), { minLength: 2, maxLength: 6 }),
});

type Scene = typeof scene extends fc.Arbitrary<infer T> ? T : never;

/**
 * The scene's polygons. Every treated polygon holds the parcel's centre (its own centre is
 * within 0.3 × its least radius of it), so each overlaps the parcel and all the others. Each is
 * turned, scaled and moved a little by its index, so that no two share a vertex however
 * fast-check shrinks them (to all zeros): polyclip-ts cannot close its rings on coincident
 * input, and that would say nothing of the engine.
 */
function build(s: Scene): { parcel: Polygon; treated: { geometry: Polygon; year: number | null }[] } {
  return {
    parcel: starPolygon(s.lon, s.lat, s.parcel),
    treated: s.treated.map((t, i) => {
      const shape = { ...t.shape, radii: t.shape.radii.map((r) => r * (1 + 0.0173 * (i + 1))), rotation: t.shape.rotation + 13.7 * (i + 1) };
      const reach = 0.3 * Math.min(...shape.radii);
      const [lon, lat] = destination(s.lon, s.lat, t.bearing + 47.3 * (i + 1), (0.1 + 0.9 * t.offset) * reach);
      return { geometry: starPolygon(lon!, lat!, shape), year: t.year };
    }),
  };
}

/** area(parcel ∩ union of `treated`) by Turf's overlay and GeographicLib's area. */
function referenceArea(parcelGeometry: Polygon, treated: readonly Polygon[]): number {
  const polygons = treated.map((g) => turfPolygon(g.coordinates));
  const cover = polygons.length === 1 ? polygons[0]! : union(featureCollection(polygons));
  if (!cover) return 0;
  const inside = intersect(featureCollection([turfPolygon(parcelGeometry.coordinates), cover]));
  return inside ? ellipsoidalArea(inside.geometry as Polygon | MultiPolygon) : 0;
}

const dateOf = (y: number | null, i: number): string | null => (y === null ? null : `${y}-${String(1 + (i % 12)).padStart(2, '0')}-10`);

describe('treated area of a parcel under several treated polygons', () => {
  it('equals area(parcel ∩ union of the treated polygons), in total and up to each year', async () => {
    const geos = await loadGeos();
    await fc.assert(fc.property(scene, (s) => {
      const { parcel: parcelGeometry, treated } = build(s);
      const features: InputFeature[] = treated.map((t, i) => {
        const date = dateOf(t.year, i);
        return feature(`t${i}`, t.geometry, date === null ? {} : { date });
      });
      const analysis = new Analysis(geos, { parcels: [parcel('P', parcelGeometry)], zones: [], treated: features, distances: ZERO });
      const p = analysis.results().parcels[0]!;
      analysis.dispose();
      const tolerance = 1e-6 * p.area_m2;

      expect(Math.abs(p.treated_m2 - referenceArea(parcelGeometry, treated.map((t) => t.geometry)))).toBeLessThanOrEqual(tolerance);
      // Each year's share is what the polygons up to it cover less what those before it did.
      const years = [...new Set(treated.map((t) => t.year))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
      let cumulative = 0;
      for (const y of years) {
        cumulative += p.treated_by_year[y === null ? UNKNOWN_YEAR : String(y)] ?? 0;
        const upTo = treated.filter((t) => y === null || (t.year !== null && t.year <= y)).map((t) => t.geometry);
        expect(Math.abs(cumulative - referenceArea(parcelGeometry, upTo))).toBeLessThanOrEqual(tolerance);
      }
      expect(Object.keys(p.treated_by_year).every((k) => years.some((y) => (y === null ? UNKNOWN_YEAR : String(y)) === k))).toBe(true);
    }), { numRuns: 100 });
  }, 240_000);
});
