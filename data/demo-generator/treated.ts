// Treated polygons as surveyors draw them: mostly inside their parcel, sometimes the whole
// parcel, sometimes spilling over its edge; a later visit often overlaps an earlier one (the
// figures must count that ground once). Two polygons are attributed to no parcel at all.
import { feature, featureCollection, intersect, difference } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { AreaGeometry, ParcelStatus, TreatedFeature, TreatedProperties } from '../../src/domain/model.ts';
import { toMetric, type XY } from './frame.ts';
import { isValidArea, metricPolygon, tidyArea } from './geojson.ts';
import { distance, offset } from './metric.ts';
import type { LaidMine, ParcelPlan } from './parcels.ts';
import { SURVEYORS } from './places.ts';
import type { Rng } from './prng.ts';
import { blob } from './shapes.ts';
import { firstDate, isoDate, laterDate, MEASURE_WEIGHTS, REJECTION, treatedNote, type FieldDate } from './treated-looks.ts';
import { ellipsoidalArea } from '../../src/domain/ellipsoidal-area.ts';

type Drawn = { geometry: AreaGeometry; centre: XY; radius: number };

function patch(rng: Rng, centre: XY, area: number): { polygon: Polygon; radius: number } {
  const spec = { vertices: rng.int(10, 28), aspect: rng.range(1, 1.7), rotation: rng.range(0, Math.PI), roughness: 0.25 };
  const shape = blob(rng, centre, spec, { area });
  return { polygon: metricPolygon(shape.ring), radius: shape.circle.radius };
}

function clipped(rng: Rng, parcel: ParcelPlan, centre: XY, area: number): Drawn | null {
  const { polygon, radius } = patch(rng, centre, area);
  const cut = intersect(featureCollection([feature(parcel.geometry), feature(polygon)]));
  if (!cut) return null;
  const geometry = tidyArea(cut.geometry);
  return isValidArea(geometry) && ellipsoidalArea(geometry) > 800 ? { geometry, centre, radius } : null;
}

/** Drawn across a vertex of the parcel's edge, staying off every other parcel. */
function spilling(rng: Rng, parcel: ParcelPlan, all: ParcelPlan[], area: number): Drawn | null {
  const centre = rng.pick(parcel.parts[0]!.ring);
  const { polygon, radius } = patch(rng, centre, area);
  const others = all.filter((p) => p !== parcel && distance(p.circle.centre, centre) < p.circle.radius + radius);
  if (others.some((p) => intersect(featureCollection([feature(p.geometry), feature(polygon)])))) return null;
  const outside = difference(featureCollection([feature(polygon), feature(parcel.geometry)]));
  return outside && ellipsoidalArea(outside.geometry) > 200 && isValidArea(polygon) ? { geometry: polygon, centre, radius } : null;
}

function attempt(make: () => Drawn | null): Drawn | null {
  for (let i = 0; i < 30; i++) {
    const drawn = make();
    if (drawn) return drawn;
  }
  return null;
}

export function treatedPolygons(rng: Rng, mines: LaidMine[]): TreatedFeature[] {
  const all = mines.flatMap((m) => m.parcels);
  const out: { properties: Omit<TreatedProperties, 'id'>; geometry: AreaGeometry }[] = [];
  for (const parcel of all) {
    const { status, damage_type, direction, mine_id, id } = parcel.properties;
    if (status === 'untreated') continue;
    const part = parcel.parts[0]!;
    const parcelArea = ellipsoidalArea(parcel.geometry);
    const share = status === 'in_progress' ? rng.range(0.2, 0.5) : rng.range(0.5, 0.95);
    const visits = status === 'in_progress' || status === 'rejected' || !rng.chance(0.3) ? 1 : 2;
    const mode = visits === 1 && (status === 'accepted' || status === 'closed') && rng.chance(0.35) ? 'whole' : rng.chance(0.15) ? 'spill' : 'clip';
    const inside = (): XY => offset(part.circle.centre, rng.range(0, 2 * Math.PI), rng.range(0, 0.4) * part.inner);
    const whole = { geometry: parcel.geometry, centre: part.circle.centre, radius: part.circle.radius };
    // Narrow roads and crowded corners may defeat a patch; the surveyor then draws the parcel.
    const first = mode === 'whole' ? whole
      : attempt(() => mode === 'spill' ? spilling(rng, parcel, all, parcelArea * rng.range(0.1, 0.25)) : clipped(rng, parcel, inside(), parcelArea * share)) ?? whole;
    const drawn = [first];
    if (visits === 2) {
      // A later visit that goes over part of the first one again.
      const again = attempt(() => clipped(rng, parcel, offset(first.centre, rng.range(0, 2 * Math.PI), first.radius * rng.range(0.3, 0.7)), parcelArea * rng.range(0.2, 0.5)));
      if (again) drawn.push(again);
    }
    let date: FieldDate = firstDate(rng, status as Exclude<ParcelStatus, 'untreated'>);
    drawn.forEach((d, i) => {
      if (i > 0) date = laterDate(rng, date);
      const measure = rng.weighted(MEASURE_WEIGHTS[damage_type]);
      const note = treatedNote(rng, measure) + (status === 'rejected' ? REJECTION : '');
      const dir = rng.chance(0.1) ? rng.pick(['forest', 'grassland', 'natural'] as const) : direction;
      out.push({ properties: { parcel_id: id, mine_id, date: isoDate(date), measure, direction: dir, surveyor: rng.pick(SURVEYORS), note }, geometry: d.geometry });
    });
  }
  out.push(...unattributed(rng, mines, all));
  return out.map(({ properties, geometry }, i) => ({
    type: 'Feature',
    properties: { id: `QA-T${String(i + 1).padStart(3, '0')}`, ...properties },
    geometry,
  }));
}

/** One patch beside a mine but on no parcel, and one that nobody could tie to a mine. */
function unattributed(rng: Rng, mines: LaidMine[], all: ParcelPlan[]) {
  const clear = (c: XY, r: number, gap: number) => all.every((p) => distance(p.circle.centre, c) > p.circle.radius + r + gap);
  const place = (around: () => XY, area: number, gap: number) => {
    for (let i = 0; i < 3000; i++) {
      const centre = around();
      const { polygon, radius } = patch(rng, centre, area);
      if (clear(centre, radius, gap) && isValidArea(polygon)) return polygon;
    }
    throw new Error('no room for an unattributed treated polygon');
  };
  const mine = mines.find((m) => m.mine.category === 'abandoned')!;
  const beside = place(() => offset(mine.parcels[0]!.circle.centre, rng.range(0, 2 * Math.PI), mine.parcels[0]!.circle.radius + rng.range(80, 400)), rng.range(0.5, 1.5) * 1e4, 20);
  const stray = place(() => toMetric([rng.range(118.45, 118.85), rng.range(39.93, 40.22)]), rng.range(0.3, 1) * 1e4, 800);
  return [
    { properties: { parcel_id: null, mine_id: mine.mine.id, date: '2023-10-12', measure: 'vegetation' as const, direction: 'forest' as const, surveyor: rng.pick(SURVEYORS), note: '矿区外围裸露边坡补植，未对应图斑' }, geometry: beside },
    { properties: { parcel_id: null, mine_id: null, date: '2024-05-20', measure: 'vegetation' as const, direction: 'grassland' as const, surveyor: rng.pick(SURVEYORS), note: '群众反映的零星采石点复绿，未能确定所属矿山' }, geometry: stray },
  ];
}
