// Invariants of the committed demo programme (data/demo/), checked with code of their own rather
// than the generator's: ring orientation by shoelace, self-intersection by segment tests,
// distances in a local plane, overlaps with Turf.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanWithin, difference, feature, featureCollection, intersect } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { demoProgramme } from '../helpers/demo-files.ts';
import { buildDemo } from '../../data/demo-generator/build.ts';
import { ellipsoidalArea } from '../../src/domain/ellipsoidal-area.ts';
import {
  DAMAGE_TYPES, MINE_CATEGORIES, ZONE_TYPES, type AreaGeometry, type ZoneGeometry, type ZoneType,
} from '../../src/domain/model.ts';

const programme = demoProgramme();
const parcels = programme.parcels.features;
const treated = programme.treated.features;
const zones = programme.zones.features;

/** The default preset of DOMAIN.md ("通用 general"). */
const DEFAULT_BUFFER_M: Record<ZoneType, number> = {
  nature_reserve: 1000, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 1000, river_lake: 1000,
};

// ---- independent plane geometry -------------------------------------------------------------

function polygonsOf(g: AreaGeometry | ZoneGeometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function pathsOf(g: AreaGeometry | ZoneGeometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return polygonsOf(g).flat();
}

function shoelace(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

function orient(a: Position, b: Position, c: Position): number {
  return Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!)
    && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
}

function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const [o1, o2, o3, o4] = [orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)];
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d))
    || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/**
 * Whether any two edges of the paths meet, apart from neighbours in the same path sharing their
 * vertex (and, in a closed ring, the last edge with the first).
 */
function selfIntersects(paths: Position[][], closed: boolean): boolean {
  const edges = paths.flatMap((path, p) => path.slice(0, -1).map((a, i) => ({ a, b: path[i + 1]!, p, i, n: path.length - 1 })));
  for (let x = 0; x < edges.length; x++) {
    for (let y = x + 1; y < edges.length; y++) {
      const [e, f] = [edges[x]!, edges[y]!];
      if (e.p === f.p && (f.i === e.i + 1 || (closed && e.i === 0 && f.i === e.n - 1))) continue;
      if (segmentsMeet(e.a, e.b, f.a, f.b)) return true;
    }
  }
  return false;
}

function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > p[1]! !== yj > p[1]! && p[0]! < ((xj - xi) * (p[1]! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pointInArea(p: Position, g: AreaGeometry | ZoneGeometry): boolean {
  return polygonsOf(g).some(([outer, ...holes]) => pointInRing(p, outer!) && !holes.some((h) => pointInRing(p, h)));
}

// Metres in a plane tangent near the district; plenty for "within 1000 m or well beyond".
const M_PER_DEG_LAT = 111_035;
const M_PER_DEG_LON = 111_320 * Math.cos((40.075 * Math.PI) / 180);
const plane = (p: Position): [number, number] => [p[0]! * M_PER_DEG_LON, p[1]! * M_PER_DEG_LAT];

function pointToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Least distance in metres between a parcel and a zone, 0 when they touch or one holds the other. */
function distanceM(parcel: AreaGeometry, zone: ZoneGeometry): number {
  const pp = pathsOf(parcel);
  const zp = pathsOf(zone);
  const vertices = (paths: Position[][]) => paths.flat();
  if (vertices(pp).some((v) => pointInArea(v, zone)) || vertices(zp).some((v) => pointInArea(v, parcel))) return 0;
  let best = Infinity;
  for (const a of pp) {
    for (const b of zp) {
      for (let i = 0; i + 1 < a.length; i++) {
        for (let j = 0; j + 1 < b.length; j++) {
          if (segmentsMeet(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return 0;
          best = Math.min(best,
            pointToSegment(plane(a[i]!), plane(b[j]!), plane(b[j + 1]!)),
            pointToSegment(plane(b[j]!), plane(a[i]!), plane(a[i + 1]!)));
        }
      }
    }
  }
  return best;
}

type Box = [number, number, number, number];
function bbox(g: Geometry): Box {
  const all = pathsOf(g as AreaGeometry | ZoneGeometry).flat();
  return [Math.min(...all.map((p) => p[0]!)), Math.min(...all.map((p) => p[1]!)), Math.max(...all.map((p) => p[0]!)), Math.max(...all.map((p) => p[1]!))];
}
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

// ---- the tests --------------------------------------------------------------------------------

describe('demo programme: references and ids', () => {
  it('puts every mine in an existing township', () => {
    const townships = new Set(programme.townships.map((t) => t.id));
    expect(programme.mines.filter((m) => !townships.has(m.township_id))).toEqual([]);
  });

  it('gives every parcel an existing mine', () => {
    const mines = new Set(programme.mines.map((m) => m.id));
    expect(parcels.filter((p) => !mines.has(p.properties.mine_id)).map((p) => p.properties.id)).toEqual([]);
  });

  it('links treated polygons only to existing parcels and mines, and a parcel to its own mine', () => {
    const mines = new Set(programme.mines.map((m) => m.id));
    const parcelMine = new Map(parcels.map((p) => [p.properties.id, p.properties.mine_id]));
    for (const { properties: t } of treated) {
      if (t.mine_id !== null) expect(mines.has(t.mine_id), t.id).toBe(true);
      if (t.parcel_id !== null) expect(parcelMine.get(t.parcel_id), t.id).toBe(t.mine_id);
    }
    expect(treated.some((t) => t.properties.parcel_id === null)).toBe(true);
  });

  it('keeps ids unique within each collection', () => {
    const collections = {
      townships: programme.townships.map((t) => t.id),
      mines: programme.mines.map((m) => m.id),
      parcels: parcels.map((p) => p.properties.id),
      treated: treated.map((t) => t.properties.id),
      zones: zones.map((z) => z.properties.id),
    };
    for (const [name, ids] of Object.entries(collections)) expect(new Set(ids).size, name).toBe(ids.length);
  });

  it('writes exactly the model properties', () => {
    const keys = (o: object) => Object.keys(o).join(',');
    expect(new Set(parcels.map((p) => keys(p.properties)))).toEqual(new Set(['id,mine_id,name,damage_type,direction,status,tbdl,note']));
    expect(new Set(treated.map((t) => keys(t.properties)))).toEqual(new Set(['id,parcel_id,mine_id,date,measure,direction,surveyor,note']));
    expect(new Set(zones.map((z) => keys(z.properties)))).toEqual(new Set(['id,name,name_en,zone_type,note']));
    expect(new Set(programme.mines.map(keys))).toEqual(new Set(['id,name,name_en,mineral,township_id,category,responsible_party,location']));
  });

  it('has no markup in attribute text', () => {
    const text = JSON.stringify([programme.mines, parcels.map((p) => p.properties), treated.map((t) => t.properties), zones.map((z) => z.properties)]);
    expect(text).not.toMatch(/[<>]/);
  });
});

describe('demo programme: geometry is valid RFC 7946', () => {
  const areas = [...parcels, ...treated, ...zones.filter((z) => z.geometry.type.endsWith('Polygon'))];

  it('closes every ring with at least four positions and no repeated consecutive vertex', () => {
    for (const f of areas) {
      for (const ring of polygonsOf(f.geometry).flat()) {
        expect(ring.length, f.properties.id).toBeGreaterThanOrEqual(4);
        expect(ring[0], f.properties.id).toEqual(ring[ring.length - 1]);
        ring.slice(1).forEach((p, i) => expect(p, f.properties.id).not.toEqual(ring[i]));
      }
    }
  });

  it('turns outer rings counter-clockwise and holes clockwise', () => {
    for (const f of areas) {
      for (const [outer, ...holes] of polygonsOf(f.geometry)) {
        expect(shoelace(outer!), f.properties.id).toBeGreaterThan(0);
        for (const h of holes) expect(shoelace(h), f.properties.id).toBeLessThan(0);
      }
    }
  });

  it('has no self-intersecting polygon or line', () => {
    for (const f of areas) expect(selfIntersects(polygonsOf(f.geometry).flat(), true), f.properties.id).toBe(false);
    for (const z of zones.filter((z) => z.geometry.type.endsWith('LineString'))) {
      expect(selfIntersects(pathsOf(z.geometry), false), z.properties.id).toBe(false);
    }
  });

  it('stays within 118.40–118.90°E, 39.90–40.25°N, with mines on both sides of 118.5°E', () => {
    for (const f of [...parcels, ...treated, ...zones]) {
      const [w, s, e, n] = bbox(f.geometry);
      expect(w >= 118.4 && e <= 118.9 && s >= 39.9 && n <= 40.25, f.properties.id).toBe(true);
    }
    expect(programme.mines.some((m) => m.location[0] < 118.5)).toBe(true);
    expect(programme.mines.some((m) => m.location[0] > 118.5)).toBe(true);
  });
});

describe('demo programme: parcels', () => {
  it('covers every mine category, every damage type and both geometry types, with a hole', () => {
    expect(new Set(programme.mines.map((m) => m.category))).toEqual(new Set(MINE_CATEGORIES));
    expect(new Set(parcels.map((p) => p.properties.damage_type))).toEqual(new Set(DAMAGE_TYPES));
    expect(parcels.some((p) => p.geometry.type === 'MultiPolygon')).toBe(true);
    expect(parcels.some((p) => p.geometry.type === 'Polygon' && p.geometry.coordinates.length > 1)).toBe(true);
  });

  it('gives every mine 1–8 parcels of 0.5–50 ha with 8–60 vertices per outline', () => {
    for (const m of programme.mines) {
      const n = parcels.filter((p) => p.properties.mine_id === m.id).length;
      expect(n, m.id).toBeGreaterThanOrEqual(1);
      expect(n, m.id).toBeLessThanOrEqual(8);
    }
    for (const p of parcels) {
      const ha = ellipsoidalArea(p.geometry) / 10_000;
      expect(ha, p.properties.id).toBeGreaterThanOrEqual(0.5);
      expect(ha, p.properties.id).toBeLessThanOrEqual(50);
      for (const [outer] of polygonsOf(p.geometry)) expect(outer!.length - 1, p.properties.id).toBeGreaterThanOrEqual(8);
      for (const [outer] of polygonsOf(p.geometry)) expect(outer!.length - 1, p.properties.id).toBeLessThanOrEqual(60);
    }
  });

  it('places each mine location inside its first parcel', () => {
    for (const m of programme.mines) {
      const first = parcels.find((p) => p.properties.id === `${m.id}-P1`);
      expect(first && pointInArea(m.location, first.geometry), m.id).toBe(true);
    }
  });

  it('never lets two parcels overlap', () => {
    const boxes = parcels.map((p) => bbox(p.geometry));
    for (let i = 0; i < parcels.length; i++) {
      for (let j = i + 1; j < parcels.length; j++) {
        if (!boxesMeet(boxes[i]!, boxes[j]!)) continue;
        const overlap = intersect(featureCollection([feature(parcels[i]!.geometry), feature(parcels[j]!.geometry)]));
        expect(overlap, `${parcels[i]!.properties.id} × ${parcels[j]!.properties.id}`).toBeNull();
      }
    }
  });

  it('matches status to treated work: untreated parcels have none, all others some, one rejected', () => {
    const worked = new Set(treated.map((t) => t.properties.parcel_id));
    for (const p of parcels) expect(worked.has(p.properties.id), p.properties.id).toBe(p.properties.status !== 'untreated');
    expect(parcels.some((p) => p.properties.status === 'rejected')).toBe(true);
  });

  it('leaves abandoned mines without a responsible party and gives producing ones a company', () => {
    for (const m of programme.mines) {
      if (m.category === 'abandoned') expect(m.responsible_party, m.id).toBeNull();
      if (m.category === 'producing') expect(m.responsible_party, m.id).toMatch(/公司$/);
    }
  });
});

describe('demo programme: treated polygons', () => {
  const boxes = treated.map((t) => bbox(t.geometry));

  it('dates every polygon within 2019-01-01..2025-12-31', () => {
    for (const { properties: t } of treated) {
      expect(t.date, t.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.date >= '2019-01-01' && t.date <= '2025-12-31', t.id).toBe(true);
      expect(new Date(`${t.date}T00:00:00Z`).toISOString().slice(0, 10), t.id).toBe(t.date);
    }
  });

  it('has at least one pair that overlaps', () => {
    let overlapping = 0;
    for (let i = 0; i < treated.length; i++) {
      for (let j = i + 1; j < treated.length; j++) {
        if (!boxesMeet(boxes[i]!, boxes[j]!)) continue;
        const both = intersect(featureCollection([feature(treated[i]!.geometry), feature(treated[j]!.geometry)]));
        if (both && ellipsoidalArea(both.geometry) > 1) overlapping++;
      }
    }
    expect(overlapping).toBeGreaterThan(0);
  });

  it('has polygons that reach outside every parcel', () => {
    const spilling = treated.filter((t, i) => {
      const near = parcels.filter((p) => boxesMeet(boxes[i]!, bbox(p.geometry)));
      if (near.some((p) => booleanWithin(feature(t.geometry), feature(p.geometry)))) return false;
      const rest = near.length ? difference(featureCollection([feature(t.geometry), ...near.map((p) => feature(p.geometry))])) : feature(t.geometry);
      return rest !== null && ellipsoidalArea(rest.geometry) > 1;
    });
    expect(spilling.length).toBeGreaterThan(1);
  });
});

describe('demo programme: protection zones', () => {
  const nearest = parcels.map((p) => {
    const byType = new Map<ZoneType, number>();
    const pb = bbox(p.geometry);
    for (const z of zones) {
      const zb = bbox(z.geometry);
      const pad = 0.03; // about 2.5 km: anything farther is beyond every default buffer
      if (!boxesMeet([pb[0] - pad, pb[1] - pad, pb[2] + pad, pb[3] + pad], zb)) continue;
      const d = distanceM(p.geometry, z.geometry);
      byType.set(z.properties.zone_type, Math.min(byType.get(z.properties.zone_type) ?? Infinity, d));
    }
    return { id: p.properties.id, byType };
  });

  it('has a zone of every type', () => {
    expect(new Set(zones.map((z) => z.properties.zone_type))).toEqual(new Set(ZONE_TYPES));
  });

  it('lets every zone type constrain some parcel at its default buffer', () => {
    for (const type of ZONE_TYPES) {
      const inside = nearest.filter((n) => (n.byType.get(type) ?? Infinity) <= DEFAULT_BUFFER_M[type]);
      expect(inside.length, type).toBeGreaterThan(0);
    }
  });

  it('keeps producing and new mines out of the nature reserve', () => {
    const working = new Set(programme.mines.filter((m) => m.category === 'producing' || m.category === 'under_construction').map((m) => m.id));
    const inReserve = nearest.filter((n, i) => working.has(parcels[i]!.properties.mine_id) && n.byType.get('nature_reserve') === 0);
    expect(inReserve.map((n) => n.id)).toEqual([]);
  });

  it('has parcels within 1000 m of a zone and parcels clear of every default buffer', () => {
    const within1km = nearest.filter((n) => [...n.byType.values()].some((d) => d <= 1000));
    const clear = nearest.filter((n) => [...n.byType.entries()].every(([type, d]) => d > DEFAULT_BUFFER_M[type]));
    expect(within1km.length).toBeGreaterThanOrEqual(10);
    expect(clear.length).toBeGreaterThanOrEqual(10);
  });
});

describe('demo programme: targets', () => {
  const { targets } = programme;

  it('has one row per township, category group and year 2019–2025', () => {
    expect(targets.rows).toHaveLength(programme.townships.length * 2 * 7);
    const keys = new Set(targets.rows.map((r) => `${r.township_id}/${r.category_group}/${r.year}`));
    expect(keys.size).toBe(targets.rows.length);
    expect(new Set(targets.rows.map((r) => r.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
  });

  it('states yearly totals that are the sums of the rows as written', () => {
    // Targets are written to a tenth of a 亩, so sums in tenths are exact.
    const tenths = (mu: number) => {
      expect(Math.abs(mu * 10 - Math.round(mu * 10))).toBeLessThan(1e-9);
      return Math.round(mu * 10);
    };
    for (const { year, target_mu } of targets.stated_totals) {
      const sum = targets.rows.filter((r) => r.year === year).reduce((s, r) => s + tenths(r.target_mu), 0);
      expect(sum, String(year)).toBe(tenths(target_mu));
    }
  });
});

describe('demo context: townships and villages', () => {
  type ContextProps = { kind: string; id: string; name: string; name_en: string };
  const context = JSON.parse(readFileSync(new URL('../../data/demo/context.geojson', import.meta.url), 'utf8')) as GeoJSON.FeatureCollection<Geometry, ContextProps>;
  const of = (kind: string) => context.features.filter((f) => f.properties.kind === kind);
  const townships = of('township') as GeoJSON.Feature<AreaGeometry, ContextProps>[];
  const villages = of('village');
  const townshipOf = (id: string) => townships.find((t) => t.properties.id === id)!;

  it('draws every township of the programme once, under its name', () => {
    expect(townships.map((t) => [t.properties.id, t.properties.name]).sort()).toEqual(programme.townships.map((t) => [t.id, t.name]).sort());
    expect(of('township-label').map((t) => t.properties.id).sort()).toEqual(programme.townships.map((t) => t.id).sort());
    expect(context.features.every((f) => ['township', 'township-label', 'village'].includes(f.properties.kind))).toBe(true);
  });

  it('gives townships valid RFC 7946 outlines', () => {
    for (const t of townships) {
      for (const [outer, ...holes] of polygonsOf(t.geometry)) {
        expect(outer![0], t.properties.id).toEqual(outer![outer!.length - 1]);
        expect(shoelace(outer!), t.properties.id).toBeGreaterThan(0);
        for (const h of holes) expect(shoelace(h), t.properties.id).toBeLessThan(0);
      }
      expect(selfIntersects(polygonsOf(t.geometry).flat(), true), t.properties.id).toBe(false);
    }
  });

  it('tiles the programme\'s extent with townships that do not overlap', () => {
    for (let i = 0; i < townships.length; i++) {
      for (let j = i + 1; j < townships.length; j++) {
        const both = intersect(featureCollection([townships[i]!, townships[j]!]));
        expect(both ? ellipsoidalArea(both.geometry) : 0, `${townships[i]!.properties.id} × ${townships[j]!.properties.id}`).toBeLessThan(1);
      }
    }
    const extent: AreaGeometry = { type: 'Polygon', coordinates: [[[118.4, 39.9], [118.9, 39.9], [118.9, 40.25], [118.4, 40.25], [118.4, 39.9]]] };
    const total = townships.reduce((sum, t) => sum + ellipsoidalArea(t.geometry), 0);
    // Edges are geodesics: the townships' many short edges along a parallel bow less than the
    // extent's four long ones, about 0.01% over 40 km.
    expect(Math.abs(total / ellipsoidalArea(extent) - 1)).toBeLessThan(1e-3);
  });

  it('puts most of every parcel, and each name, in its own township', () => {
    for (const parcel of parcels) {
      const own = townshipOf(programme.mines.find((m) => m.id === parcel.properties.mine_id)!.township_id);
      const vertices = polygonsOf(parcel.geometry).flat().flatMap((ring) => ring.slice(1));
      const inside = vertices.filter((v) => pointInArea(v, own.geometry)).length;
      expect(inside / vertices.length, parcel.properties.id).toBeGreaterThan(0.5);
    }
    for (const label of of('township-label')) {
      expect(pointInArea((label.geometry as GeoJSON.Point).coordinates, townshipOf(label.properties.id).geometry), label.properties.id).toBe(true);
    }
  });

  it('places villages with names of their own, clear of parcels and zones, inside the extent', () => {
    expect(villages.length).toBeGreaterThanOrEqual(20);
    const names = villages.map((v) => v.properties.name);
    expect(new Set(names).size).toBe(names.length);
    const zoneNames = new Set(zones.map((z) => z.properties.name));
    for (const v of villages) {
      const at = (v.geometry as GeoJSON.Point).coordinates;
      expect(zoneNames.has(v.properties.name), v.properties.name).toBe(false);
      expect(at[0]! > 118.4 && at[0]! < 118.9 && at[1]! > 39.9 && at[1]! < 40.25, v.properties.name).toBe(true);
      const point: AreaGeometry = { type: 'Polygon', coordinates: [[at, at, at, at]] };
      for (const parcel of parcels) expect(distanceM(parcel.geometry, point), `${v.properties.name} ${parcel.properties.id}`).toBeGreaterThan(100);
      for (const zone of zones) expect(distanceM(point, zone.geometry), `${v.properties.name} ${zone.properties.id}`).toBeGreaterThan(100);
    }
  });
});

describe('demo programme: generator', () => {
  it('reproduces the committed files byte for byte', () => {
    for (const [name, text] of Object.entries(buildDemo())) {
      expect(text === readFileSync(new URL(`../../data/demo/${name}`, import.meta.url), 'utf8'), name).toBe(true);
    }
  });
});
