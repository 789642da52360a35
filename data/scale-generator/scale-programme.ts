// A province-scale programme for scale tests and the map bench: `parcels` parcels of the demo's
// kinds and sizes (reusing its outline generator and looks), `treated` treated polygons inside
// parcels, ~8 parcels a mine, 100 mines a township, and a set of 三区两线 zones. Deterministic
// for a given seed. Parcels never overlap one another (see scale-layout.ts).
import type {
  DamageType, Mine, MineCategory, ParcelFeature, Programme, Township, TreatedFeature,
} from '../../src/domain/model.ts';
import { MINE_CATEGORIES } from '../../src/domain/model.ts';
import { toLonLat, type XY } from '../demo-generator/frame.ts';
import { metricPolygon } from '../demo-generator/geojson.ts';
import { DAMAGE_BY_METHOD, DIRECTIONS, LABELS, LOOKS, STATUS_WEIGHTS } from '../demo-generator/parcel-looks.ts';
import { createRng, type Rng } from '../demo-generator/prng.ts';
import { blob, type Shape } from '../demo-generator/shapes.ts';
import { MEASURE_WEIGHTS } from '../demo-generator/treated-looks.ts';
import { scaledTo, within } from './fit-shape.ts';
import { cellCentre, gridExtent, gridFor, SLOT_RADIUS_M, SLOTS_PER_SIDE, slotCentre } from './scale-layout.ts';
import { scaleZones } from './scale-zones.ts';

export interface ScaleOptions {
  parcels: number;
  treated: number;
  seed?: number;
}

const PARCELS_PER_MINE = 8;
const MINES_PER_TOWNSHIP = 100;

function outline(rng: Rng, type: DamageType, centre: XY): Shape {
  // Mine roads are drawn as compact blobs here: at this scale only counts and sizes matter.
  const look = LOOKS[type === 'mine_road' ? 'other' : type];
  const spec = { vertices: rng.int(...look.vertices), aspect: rng.range(...look.aspect), rotation: rng.range(0, Math.PI), roughness: look.roughness };
  return within(blob(rng, centre, spec, { area: rng.range(...look.ha) * 10_000 }), SLOT_RADIUS_M);
}

function mineOf(rng: Rng, index: number, cell: XY): Mine {
  const category: MineCategory = rng.pick(MINE_CATEGORIES);
  const township = Math.floor(index / MINES_PER_TOWNSHIP) + 1;
  const location = toLonLat(cell) as [number, number];
  return {
    id: `S-M${String(index + 1).padStart(5, '0')}`,
    name: `示范矿山${index + 1}号`,
    name_en: `Sample Mine ${index + 1}`,
    mineral: rng.pick(['铁矿', '石灰岩', '建筑石料']),
    township_id: `S-TS${String(township).padStart(3, '0')}`,
    category,
    responsible_party: category === 'abandoned' ? null : `示范矿业${index + 1}公司`,
    location,
  };
}

function date(rng: Rng): string {
  const day = new Date(Date.UTC(2019, 2, 1) + Math.floor(rng.range(0, 7 * 365)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function scaleProgramme({ parcels: count, treated: treatedCount, seed = 7 }: ScaleOptions): Programme {
  if (treatedCount > count) throw new Error('more treated polygons than parcels');
  const rng = createRng(seed);
  const mineCount = Math.max(1, Math.ceil(count / PARCELS_PER_MINE));
  if (Math.ceil(count / mineCount) > SLOTS_PER_SIDE ** 2) throw new Error('too many parcels for the mine cells');
  const grid = gridFor(mineCount);
  const mineRng = rng.fork('mines');
  const cells = Array.from({ length: mineCount }, (_, i) => cellCentre(grid, i));
  const mines = cells.map((cell, i) => mineOf(mineRng, i, cell));
  const townships: Township[] = Array.from({ length: Math.ceil(mineCount / MINES_PER_TOWNSHIP) }, (_, i) => ({
    id: `S-TS${String(i + 1).padStart(3, '0')}`, name: `示范乡镇${i + 1}`, name_en: `Sample Township ${i + 1}`,
  }));

  const parcelRng = rng.fork('parcels');
  const shapes: Shape[] = [];
  const parcels: ParcelFeature[] = Array.from({ length: count }, (_, i) => {
    const m = i % mineCount;
    const slot = Math.floor(i / mineCount);
    const mine = mines[m]!;
    const method = mine.mineral === '铁矿' ? 'open' : 'quarry';
    const type: DamageType = slot === 0 ? DAMAGE_BY_METHOD[method].first : parcelRng.pick(DAMAGE_BY_METHOD[method].pool);
    const shape = outline(parcelRng, type, slotCentre(cells[m]!, slot));
    shapes.push(shape);
    return {
      type: 'Feature',
      geometry: metricPolygon(shape.ring),
      properties: {
        id: `S-P${String(i + 1).padStart(6, '0')}`, mine_id: mine.id, name: `${mine.name}${LABELS[type]}${slot + 1}`,
        damage_type: type, direction: parcelRng.weighted(DIRECTIONS[type]), status: parcelRng.weighted(STATUS_WEIGHTS[mine.category]),
        tbdl: null, note: '',
      },
    };
  });

  const treatedRng = rng.fork('treated');
  const chosen = treatedRng.shuffle(Array.from({ length: count }, (_, i) => i)).slice(0, treatedCount).sort((a, b) => a - b);
  const treated: TreatedFeature[] = chosen.map((p, i) => {
    const parcel = parcels[p]!.properties;
    const host = shapes[p]!;
    const spec = { vertices: treatedRng.int(10, 30), aspect: treatedRng.range(1, 1.6), rotation: treatedRng.range(0, Math.PI), roughness: 0.2 };
    // Inside the parcel's inner disc, so inside the parcel.
    const shape = scaledTo(blob(treatedRng, host.circle.centre, spec, { area: 1 }), host.inner * treatedRng.range(0.5, 0.95));
    return {
      type: 'Feature',
      geometry: metricPolygon(shape.ring),
      properties: {
        id: `S-T${String(i + 1).padStart(6, '0')}`, parcel_id: parcel.id, mine_id: parcel.mine_id, date: date(treatedRng),
        measure: treatedRng.weighted(MEASURE_WEIGHTS[parcel.damage_type]), direction: parcel.direction, surveyor: '示范', note: '',
      },
    };
  });

  const zones = scaleZones(rng.fork('zones'), gridExtent(grid), 40, 30);
  return {
    id: `SCALE-${count}`,
    name: `省级规模示范计划（${count} 个图斑）`,
    name_en: `Province-scale sample programme (${count} parcels)`,
    county: '示范省',
    townships,
    mines,
    parcels: { type: 'FeatureCollection', features: parcels },
    treated: { type: 'FeatureCollection', features: treated },
    zones: { type: 'FeatureCollection', features: zones },
    targets: { rows: [], stated_totals: [], source: '规模测试数据，无目标' },
  };
}
