// Lays each mine out on the ground: its main working at a free spot in its township, the other
// parcels around it. Parcels are kept apart by their enclosing circles, so no two parcels can
// overlap, and kept off rivers, roads, railways and the water-source area.
import type { AreaGeometry, DamageType, Mine, ParcelProperties, ParcelStatus } from '../../src/domain/model.ts';
import { insideBounds, toLonLat, toMetric, type XY } from './frame.ts';
import { isValidArea, metricPolygon } from './geojson.ts';
import { distance, distanceToPath, offset, type Circle } from './metric.ts';
import type { MinePlan } from './mines.ts';
import { DAMAGE_BY_METHOD, DIRECTIONS, LABELS, LOOKS, parcelNote, sizeFactor, STATUS_WEIGHTS } from './parcel-looks.ts';
import type { Rng } from './prng.ts';
import { blob, corridor, hole, type Shape } from './shapes.ts';
import type { Space } from './space.ts';

export interface ParcelPlan {
  properties: ParcelProperties;
  geometry: AreaGeometry;
  /** The parts, in the metric frame; treated polygons are drawn on the first. */
  parts: Shape[];
  circle: Circle;
}

export interface LaidMine {
  plan: MinePlan;
  mine: Mine;
  parcels: ParcelPlan[];
}

const GAPS = { own: 25, other: 300, line: 80, area: 80 };
/** A hole and a two-part parcel, twice each, exercise the geometry code paths downstream. */
const SPECIAL_LIMIT = 2;
/** How far from the river a riverside mine's main working may be centred. */
const RIVERSIDE_M = 1500;

function shapeFor(rng: Rng, type: DamageType, factor: number, centre: XY): Shape {
  if (type === 'mine_road') return corridor(rng, centre, rng.range(500, 1400), rng.range(11, 18), rng.range(0, 2 * Math.PI));
  const look = LOOKS[type];
  const ha = Math.max(0.6, rng.range(...look.ha) * (type === 'industrial_site' || type === 'other' ? 1 : factor));
  const spec = { vertices: rng.int(...look.vertices), aspect: rng.range(...look.aspect), rotation: rng.range(0, Math.PI), roughness: look.roughness };
  return blob(rng, centre, spec, { area: ha * 10000 });
}

function translate(shape: Shape, to: XY): Shape {
  const [dx, dy] = [to[0] - shape.circle.centre[0], to[1] - shape.circle.centre[1]];
  return { ...shape, ring: shape.ring.map(([x, y]): XY => [x + dx, y + dy]), circle: { centre: to, radius: shape.circle.radius } };
}

function alone(shape: Shape): { parts: Shape[]; circle: Circle } {
  return { parts: [shape], circle: shape.circle };
}

/** A waste dump split by a gully into two heaps: one parcel, two polygons. */
function twoPart(rng: Rng, factor: number): { parts: Shape[]; circle: Circle } {
  const a = shapeFor(rng, 'waste_dump', factor, [0, 0]);
  const b = shapeFor(rng, 'waste_dump', factor * 0.6, [0, 0]);
  const angle = rng.range(0, 2 * Math.PI);
  const parts = [a, translate(b, offset([0, 0], angle, a.circle.radius + b.circle.radius + rng.range(30, 80)))];
  return { parts, circle: { centre: [0, 0], radius: Math.max(...parts.map((p) => distance([0, 0], p.circle.centre) + p.circle.radius)) } };
}

interface Placed {
  parts: Shape[];
  circle: Circle;
  holes: XY[][];
  type: DamageType;
}

/** The main working, at a free spot of the township (near the river for riverside mines). */
function placeFirst(rng: Rng, plan: MinePlan, type: DamageType, river: XY[], space: Space): Placed {
  const { mine, township: { box } } = plan;
  for (let attempt = 0; attempt < 5000; attempt++) {
    const centre = toMetric([rng.range(box.west, box.east), rng.range(box.south, box.north)]);
    if (plan.riverside && distanceToPath(centre, river) > RIVERSIDE_M) continue;
    const first = shapeFor(rng, type, sizeFactor(plan.method, mine.category), centre);
    if (!space.fits(first.circle, mine.id, GAPS) || !insideBounds(first.circle.centre, first.circle.radius)) continue;
    space.addCircle(first.circle, mine.id);
    return { parts: [first], circle: first.circle, holes: [], type };
  }
  throw new Error(`no room for ${mine.id} in ${plan.township.id}`);
}

/** Another parcel next to one already placed, or none if the mine is hemmed in. */
function placeNext(rng: Rng, plan: MinePlan, type: DamageType, placed: Placed[], space: Space, specials: { hole: number; multi: number }): Placed | null {
  const factor = sizeFactor(plan.method, plan.mine.category);
  const multi = type === 'waste_dump' && specials.multi < SPECIAL_LIMIT;
  const made = multi ? twoPart(rng, factor) : alone(shapeFor(rng, type, factor, [0, 0]));
  for (let attempt = 0; attempt < 80; attempt++) {
    const anchor = rng.pick(placed).circle;
    const to = offset(anchor.centre, rng.range(0, 2 * Math.PI), anchor.radius + made.circle.radius + rng.range(GAPS.own + 5, 200));
    const circle = { centre: to, radius: made.circle.radius };
    if (!space.fits(circle, plan.mine.id, GAPS) || !insideBounds(circle.centre, circle.radius)) continue;
    const parts = made.parts.map((p) => translate(p, [p.circle.centre[0] + to[0], p.circle.centre[1] + to[1]]));
    const wantsHole = (type === 'open_pit' || type === 'tailings_pond') && parts[0]!.inner > 120 && specials.hole < SPECIAL_LIMIT;
    if (wantsHole) specials.hole++;
    if (multi) specials.multi++;
    space.addCircle(circle, plan.mine.id);
    return { parts, circle, holes: wantsHole ? [hole(rng, parts[0]!)] : [], type };
  }
  return null;
}

function describe(rng: Rng, mine: MinePlan['mine'], p: Placed, index: number, ordinal: number): ParcelPlan {
  const direction = rng.weighted(DIRECTIONS[p.type]);
  const status: ParcelStatus = mine.category === 'producing' && (p.type === 'industrial_site' || p.type === 'mine_road')
    ? 'untreated' // still in use by the working mine
    : rng.weighted(STATUS_WEIGHTS[mine.category]);
  const polygons = p.parts.map((part, j) => metricPolygon(part.ring, j === 0 ? p.holes : []));
  const geometry: AreaGeometry = polygons.length === 1
    ? polygons[0]!
    : { type: 'MultiPolygon', coordinates: polygons.map((g) => g.coordinates) };
  const id = `${mine.id}-P${index + 1}`;
  if (!isValidArea(geometry)) throw new Error(`invalid parcel ${id}`);
  return {
    properties: {
      id,
      mine_id: mine.id,
      name: `${mine.name}${ordinal}号${LABELS[p.type]}`,
      damage_type: p.type,
      direction,
      status,
      tbdl: tbdl(mine.category, p.type, direction),
      note: parcelNote(rng, p.type),
    },
    geometry,
    parts: p.parts,
    circle: p.circle,
  };
}

export function layOutMines(rng: Rng, plans: readonly MinePlan[], river: XY[], space: Space): LaidMine[] {
  const specials = { hole: 0, multi: 0 };
  return plans.map((plan) => {
    const damage = DAMAGE_BY_METHOD[plan.method];
    const types = [damage.first, ...rng.shuffle(damage.pool)].slice(0, rng.int(...damage.count));
    const placed = [placeFirst(rng, plan, types[0]!, river, space)];
    for (const type of types.slice(1)) {
      const next = placeNext(rng, plan, type, placed, space, specials);
      if (next) placed.push(next);
    }
    const ordinals: Partial<Record<DamageType, number>> = {};
    const parcels = placed.map((p, i) => describe(rng, plan.mine, p, i, (ordinals[p.type] = (ordinals[p.type] ?? 0) + 1)));
    const location = toLonLat(placed[0]!.parts[0]!.circle.centre) as [number, number];
    return { plan, mine: { ...plan.mine, location }, parcels };
  });
}

/** 图斑大类 of the 2021 legacy-mine survey; mines opened since then were not in it. */
function tbdl(category: Mine['category'], type: DamageType, direction: string): string | null {
  switch (category) {
    case 'abandoned':
    case 'policy_closed':
      return '10';
    case 'closed_pit':
      return '20';
    case 'producing':
      // 功能未损毁采矿沉陷区: subsided land still farmed.
      return type === 'subsidence' && direction === 'farmland' ? '40' : '30';
    case 'under_construction':
      return null;
  }
}
