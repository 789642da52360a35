// A deterministic, province-scale remediation programme near Qian'an (迁安) for benchmarks and
// tests: parcels of 20–200 vertices and 0.5–50 ha (log-uniform), some with holes or several
// parts; treated polygons over parts of parcels (some overlapping each other or spilling out,
// dated 2019–2025); and a full 三区两线 zone set. Parcels are placed at random and may overlap
// one another at large counts: fine for timing, not a realistic plan.
import type { Feature, FeatureCollection, Position } from 'geojson';
import {
  DAMAGE_TYPES, MEASURES, MINE_CATEGORIES, PARCEL_STATUSES, RESTORATION_DIRECTIONS,
  type AreaGeometry, type Mine, type ParcelProperties, type TreatedProperties, type ZoneGeometry, type ZoneProperties,
} from '../../../src/domain/model.ts';
import { generateZones, type BBox } from './generate-zones.ts';
import { createPrng, type Prng } from './prng.ts';
import { metresToLonLat, starRing } from './shapes.ts';

export const QIANAN_BBOX: BBox = [118.4, 39.9, 118.9, 40.3];

export interface ProgrammeOptions {
  parcels: number;
  treated?: number;
  seed?: number;
  bbox?: BBox;
}

export interface GeneratedProgramme {
  parcels: FeatureCollection<AreaGeometry, ParcelProperties>;
  treated: FeatureCollection<AreaGeometry, TreatedProperties>;
  zones: FeatureCollection<ZoneGeometry, ZoneProperties>;
  mines: Mine[];
}

function parcelGeometry(rng: Prng, centre: Position, areaM2: number): AreaGeometry {
  const vertices = rng.int(20, 201);
  const form = rng.next();
  if (form < 0.1) {
    const hole = starRing(rng, centre, areaM2 * rng.between(0.02, 0.08), 12, true);
    return { type: 'Polygon', coordinates: [starRing(rng, centre, areaM2, vertices), hole] };
  }
  if (form < 0.2) {
    const offset = 2.6 * Math.sqrt(areaM2 / Math.PI);
    const other = metresToLonLat(centre, offset, offset * rng.between(-0.5, 0.5));
    return { type: 'MultiPolygon', coordinates: [[starRing(rng, centre, areaM2 * 0.6, vertices)], [starRing(rng, other, areaM2 * 0.4, Math.max(20, vertices >> 1))]] };
  }
  return { type: 'Polygon', coordinates: [starRing(rng, centre, areaM2, vertices)] };
}

function mines(rng: Prng, count: number, box: BBox): Mine[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `M${String(i + 1).padStart(5, '0')}`,
    name: `矿山${i + 1}`,
    name_en: `Mine ${i + 1}`,
    mineral: rng.pick(['铁矿', '石灰岩', '建筑石料', '花岗岩']),
    township_id: `T${String(rng.int(1, 21)).padStart(2, '0')}`,
    category: rng.pick(MINE_CATEGORIES),
    responsible_party: null,
    location: [rng.between(box[0], box[2]), rng.between(box[1], box[3])],
  }));
}

function date(rng: Prng): string {
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rng.between(0, 7 * 365)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function generateProgramme(options: ProgrammeOptions): GeneratedProgramme {
  const { parcels: count, treated: treatedCount = Math.round(count / 2), seed = 1, bbox = QIANAN_BBOX } = options;
  const rng = createPrng(seed);
  const zones = generateZones(createPrng(seed ^ 0x5eed), bbox);
  const mineList = mines(rng, Math.max(1, Math.ceil(count / 4)), bbox);
  const centres: Position[] = [];
  const areas: number[] = [];
  const parcels: Feature<AreaGeometry, ParcelProperties>[] = Array.from({ length: count }, (_, i) => {
    const mine = mineList[i % mineList.length]!;
    const centre = metresToLonLat(mine.location, rng.between(-1500, 1500), rng.between(-1500, 1500));
    const area = rng.logBetween(5_000, 500_000);
    centres.push(centre);
    areas.push(area);
    return {
      type: 'Feature',
      geometry: parcelGeometry(rng, centre, area),
      properties: {
        id: `P${String(i + 1).padStart(6, '0')}`, mine_id: mine.id, name: `图斑${i + 1}`,
        damage_type: rng.pick(DAMAGE_TYPES), direction: rng.pick(RESTORATION_DIRECTIONS), status: rng.pick(PARCEL_STATUSES),
        tbdl: rng.pick(['10', '20', '30', null]), note: '',
      },
    };
  });
  const treated: Feature<AreaGeometry, TreatedProperties>[] = Array.from({ length: count > 0 ? treatedCount : 0 }, (_, i) => {
    const p = rng.int(0, count);
    const parcel = parcels[p]!.properties;
    const centre = metresToLonLat(centres[p]!, rng.between(-100, 100), rng.between(-100, 100));
    return {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [starRing(rng, centre, areas[p]! * rng.between(0.2, 1.1), rng.int(12, 60))] },
      properties: {
        id: `T${String(i + 1).padStart(6, '0')}`, parcel_id: parcel.id, mine_id: parcel.mine_id, date: date(rng),
        measure: rng.pick(MEASURES), direction: parcel.direction, surveyor: 'generated', note: '',
      },
    };
  });
  return {
    parcels: { type: 'FeatureCollection', features: parcels },
    treated: { type: 'FeatureCollection', features: treated },
    zones,
    mines: mineList,
  };
}
