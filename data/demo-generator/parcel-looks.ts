// What a parcel of each damage type looks like and how it is described: size range, outline
// character, likely restoration direction (宜农则农、宜林则林…), status by mine category, notes.
import type { DamageType, MineCategory, ParcelStatus, RestorationDirection } from '../../src/domain/model.ts';
import type { MiningMethod } from './mines.ts';
import type { Rng } from './prng.ts';

export interface Look {
  ha: readonly [number, number];
  vertices: readonly [number, number];
  aspect: readonly [number, number];
  roughness: number;
}

export const LOOKS: Record<Exclude<DamageType, 'mine_road'>, Look> = {
  open_pit: { ha: [6, 42], vertices: [24, 60], aspect: [1.2, 2.2], roughness: 0.3 },
  waste_dump: { ha: [2, 24], vertices: [14, 40], aspect: [1, 1.8], roughness: 0.35 },
  tailings_pond: { ha: [6, 38], vertices: [8, 16], aspect: [1.2, 2], roughness: 0.15 },
  subsidence: { ha: [2, 18], vertices: [16, 36], aspect: [1, 1.5], roughness: 0.2 },
  industrial_site: { ha: [0.6, 5], vertices: [8, 12], aspect: [1.2, 2.5], roughness: 0.1 },
  other: { ha: [0.6, 2.5], vertices: [8, 12], aspect: [1.2, 2], roughness: 0.1 },
};

/** Quarries and the small mines that were closed or abandoned dug less. */
export function sizeFactor(method: MiningMethod, category: MineCategory): number {
  if (method === 'quarry') return 0.35;
  return category === 'abandoned' ? 0.6 : category === 'policy_closed' ? 0.75 : 1;
}

/** First type is the mine's main working; the rest are dealt from the pool. */
export const DAMAGE_BY_METHOD: Record<MiningMethod, { first: DamageType; pool: DamageType[]; count: [number, number] }> = {
  open: { first: 'open_pit', pool: ['waste_dump', 'tailings_pond', 'industrial_site', 'mine_road', 'open_pit', 'waste_dump', 'industrial_site'], count: [3, 8] },
  underground: { first: 'subsidence', pool: ['industrial_site', 'waste_dump', 'tailings_pond', 'mine_road', 'subsidence', 'other'], count: [2, 6] },
  quarry: { first: 'open_pit', pool: ['industrial_site', 'mine_road', 'other', 'waste_dump'], count: [1, 4] },
};

export const DIRECTIONS: Record<DamageType, Partial<Record<RestorationDirection, number>>> = {
  open_pit: { forest: 3, grassland: 2, natural: 2, construction: 1 },
  waste_dump: { forest: 4, grassland: 3, natural: 1 },
  tailings_pond: { forest: 2, grassland: 2, farmland: 1 },
  subsidence: { farmland: 3, natural: 2, forest: 1 },
  industrial_site: { construction: 3, farmland: 2, forest: 1 },
  mine_road: { forest: 2, construction: 2, grassland: 1 },
  other: { grassland: 2, construction: 1 },
};

export const STATUS_WEIGHTS: Record<MineCategory, Partial<Record<ParcelStatus, number>>> = {
  producing: { untreated: 55, in_progress: 35, treated: 15, accepted: 5 },
  under_construction: { untreated: 85, in_progress: 15 },
  closed_pit: { untreated: 32, in_progress: 18, treated: 25, accepted: 22, closed: 10, rejected: 5 },
  policy_closed: { untreated: 34, in_progress: 18, treated: 20, accepted: 20, closed: 13, rejected: 4 },
  abandoned: { untreated: 50, in_progress: 18, treated: 20, accepted: 14, closed: 5, rejected: 3 },
};

export const LABELS: Record<DamageType, string> = {
  open_pit: '采场', waste_dump: '排土场', tailings_pond: '尾矿库', subsidence: '塌陷区',
  industrial_site: '工业场地', mine_road: '矿区道路', other: '中转场',
};

const NOTES: Record<DamageType, ((rng: Rng) => string)[]> = {
  open_pit: [
    (r) => `凹陷露天采场，最大采深约${r.int(30, 120)}米，坑底季节性积水`,
    (r) => `山坡露天开采形成高陡边坡，坡高约${r.int(20, 80)}米，局部有危岩体`,
    () => '台阶式开采，平台宽度不足，岩石裸露',
  ],
  waste_dump: [
    (r) => `废石堆放高度约${r.int(10, 45)}米，坡面无植被`,
    () => '排土场边坡冲沟发育，雨季有小型滑塌',
    () => '剥离土与废石混合堆放，顶部平台较平整',
  ],
  tailings_pond: [
    () => '尾矿库已停用，干滩面扬尘，库面待覆土',
    () => '山谷型尾矿库，坝体稳定，排洪设施完好',
  ],
  subsidence: [
    () => '地下开采引起地面塌陷，地表裂缝发育',
    () => '塌陷坑积水，周边耕地受损',
    () => '沉陷区地表变形已趋稳定',
  ],
  industrial_site: [
    () => '原选矿厂房已拆除，场地硬化，残留建筑垃圾',
    () => '破碎站及堆料场，地面压占',
  ],
  mine_road: [
    () => '运矿道路，碎石路面，两侧边坡裸露',
    () => '废弃运矿道路，路基完好',
  ],
  other: [() => '矿石中转场，地面压占'],
};

export function parcelNote(rng: Rng, type: DamageType): string {
  return rng.pick(NOTES[type])(rng);
}
