// Context for the first screen, generated with the programme: township borders with a point for
// each name, and village points. Borders are schematic: each parcel claims the ground nearer to it
// than to any other parcel (a Voronoi cell over the programme's extent), and a township is the
// union of its parcels' cells, so every parcel and mine lies in its own township. Villages are
// named after the places mines are named after, a kilometre or two from the mine and clear of
// every parcel, zone and line; places that already have a village zone get no second point.
import { booleanPointInPolygon, centroid, featureCollection, point, pointOnFeature, rewind, truncate, union, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { ZoneFeature } from '../../src/domain/model.ts';
import { toLonLat, toMetric, type XY } from './frame.ts';
import { offset } from './metric.ts';
import type { LaidMine } from './parcels.ts';
import { TOWNSHIPS } from './places.ts';
import type { Rng } from './prng.ts';
import type { Space } from './space.ts';

/** The programme's extent (data/demo/README.md). */
const EXTENT: [number, number, number, number] = [118.4, 39.9, 118.9, 40.25];
const VILLAGE_GAPS = { own: 1200, other: 250, line: 150, area: 150 };
const VILLAGE_RADIUS = 120;

export type ContextFeature =
  | Feature<Polygon | MultiPolygon, { kind: 'township'; id: string; name: string; name_en: string }>
  | Feature<Point, { kind: 'township-label' | 'village'; id: string; name: string; name_en: string }>;

function townships(mines: LaidMine[]): ContextFeature[] {
  const seeds = mines.flatMap((m) => m.parcels.map((p) => point(centroid(p.geometry).geometry.coordinates, { township: m.mine.township_id })));
  const cells = voronoi(featureCollection(seeds), { bbox: EXTENT }).features;
  return TOWNSHIPS.flatMap((t): ContextFeature[] => {
    const own = cells.filter((cell, i) => cell && seeds[i]!.properties.township === t.id);
    const merged = own.length === 1 ? own[0]! : union(featureCollection(own));
    if (!merged) throw new Error(`no ground for ${t.id}`);
    const shape = rewind(truncate(merged, { precision: 7, coordinates: 2 }), { reverse: false }) as Feature<Polygon | MultiPolygon>;
    const middle = point([(t.box.west + t.box.east) / 2, (t.box.south + t.box.north) / 2]);
    const at = booleanPointInPolygon(middle, shape) ? middle : pointOnFeature(shape);
    const names = { id: t.id, name: t.name, name_en: t.name_en };
    return [
      { type: 'Feature', properties: { kind: 'township', ...names }, geometry: shape.geometry },
      { type: 'Feature', properties: { kind: 'township-label', ...names }, geometry: { type: 'Point', coordinates: at.geometry.coordinates.map((v) => Number(v.toFixed(7))) } },
    ];
  });
}

function villages(rng: Rng, mines: LaidMine[], zones: ZoneFeature[], space: Space): ContextFeature[] {
  const named = new Set(zones.map((z) => z.properties.name));
  const out: ContextFeature[] = [];
  for (const m of mines) {
    const [name, nameEn] = m.plan.stem;
    if (named.has(`${name}村`)) continue;
    named.add(`${name}村`);
    const from = toMetric(m.mine.location);
    for (let attempt = 0; attempt < 80; attempt++) {
      const at: XY = offset(from, rng.range(0, 2 * Math.PI), rng.range(900, 2500));
      const circle = { centre: at, radius: VILLAGE_RADIUS };
      const [lon, lat] = toLonLat(at) as [number, number];
      if (lon < EXTENT[0] || lon > EXTENT[2] || lat < EXTENT[1] || lat > EXTENT[3] || !space.fits(circle, 'context-village', VILLAGE_GAPS)) continue;
      space.addCircle(circle, 'context-village');
      out.push({ type: 'Feature', properties: { kind: 'village', id: `V-${String(out.length + 1).padStart(2, '0')}`, name: `${name}村`, name_en: `${nameEn} Village` }, geometry: { type: 'Point', coordinates: [lon, lat] } });
      break;
    }
  }
  return out;
}

export function demoContext(rng: Rng, mines: LaidMine[], zones: ZoneFeature[], space: Space): ContextFeature[] {
  return [...townships(mines), ...villages(rng, mines, zones, space)];
}
