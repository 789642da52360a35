// How surveyors record treated work: which measure a damage type calls for, what they write,
// and when (field seasons March–November, years by how far the parcel has come).
import type { DamageType, Measure, ParcelStatus } from '../../src/domain/model.ts';
import type { Rng } from './prng.ts';

export const MEASURE_WEIGHTS: Record<DamageType, Partial<Record<Measure, number>>> = {
  open_pit: { engineering: 3, landform: 2, vegetation: 2 },
  waste_dump: { landform: 3, vegetation: 3, engineering: 1 },
  tailings_pond: { vegetation: 3, landform: 2 },
  subsidence: { engineering: 2, landform: 3, vegetation: 1 },
  industrial_site: { engineering: 3, landform: 1, vegetation: 1 },
  mine_road: { vegetation: 3, landform: 1 },
  other: { engineering: 1, vegetation: 2 },
};

const NOTES: Record<Measure, ((rng: Rng) => string)[]> = {
  engineering: [
    (r) => `削坡减荷，清除危岩约${r.int(8, 60) * 100}立方米`,
    () => '拆除废弃建筑物，清运建筑垃圾',
    () => '修筑挡土墙及截排水沟',
    () => '塌陷坑回填整平',
  ],
  landform: [
    (r) => `平台覆土${r.int(3, 8) * 10}厘米，坡面整形`,
    () => '削高填低，平整场地后覆土',
    (r) => `台阶式整形，坡比1:${r.pick(['1.5', '2', '2.5'])}`,
  ],
  vegetation: [
    (r) => `栽植侧柏、刺槐${r.int(20, 200) * 10}株，撒播紫穗槐、荆条草籽`,
    () => '种植油松、火炬树，覆土后撒播草籽',
    () => '覆土培肥，恢复耕种',
  ],
};

export function treatedNote(rng: Rng, measure: Measure): string {
  return rng.pick(NOTES[measure])(rng);
}

export const REJECTION = '；验收不通过：覆土厚度不足，植被成活率低，需返工';

const YEARS: Record<Exclude<ParcelStatus, 'untreated'>, [number, number]> = {
  in_progress: [2024, 2025], treated: [2021, 2025], accepted: [2019, 2023], closed: [2019, 2022], rejected: [2022, 2024],
};

export interface FieldDate {
  year: number;
  month: number;
  day: number;
}

export function firstDate(rng: Rng, status: Exclude<ParcelStatus, 'untreated'>): FieldDate {
  return { year: rng.int(...YEARS[status]), month: rng.int(3, 11), day: rng.int(1, 28) };
}

/** A later visit: the same season or up to two years on, never past 2025. */
export function laterDate(rng: Rng, after: FieldDate): FieldDate {
  const year = Math.min(2025, after.year + rng.int(0, 2));
  const month = year === after.year ? rng.int(after.month, 11) : rng.int(3, 11);
  const day = year === after.year && month === after.month ? rng.int(after.day, 28) : rng.int(1, 28);
  return { year, month, day };
}

export function isoDate({ year, month, day }: FieldDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
