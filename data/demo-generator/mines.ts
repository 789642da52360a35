// Who the mines are: township, category, mineral, mining method, names and responsible party.
// Categories and minerals are fixed multisets dealt out at random, so every category of
// DOMAIN.md is present in known numbers whatever the seed.
import type { Mine, MineCategory } from '../../src/domain/model.ts';
import { TOWNSHIPS, type TownshipArea } from './places.ts';
import type { Rng } from './prng.ts';

/** Open-pit and underground iron mines leave different damage; quarries are smaller. */
export type MiningMethod = 'open' | 'underground' | 'quarry';

export interface MinePlan {
  mine: Omit<Mine, 'location'>;
  method: MiningMethod;
  township: TownshipArea;
  /** Place name the mine is called after, (Chinese, pinyin). */
  stem: readonly [string, string];
  /** Building-stone quarries near the Luan are put close to it, within its 1000 m buffer or so. */
  riverside: boolean;
}

const CATEGORY_COUNTS: Record<MineCategory, number> = {
  producing: 9, under_construction: 4, closed_pit: 8, policy_closed: 10, abandoned: 9,
};

const KINDS = [
  { mineral: '铁矿', suffix: '铁矿', suffixEn: 'Iron Mine', count: 28 },
  { mineral: '石灰岩', suffix: '石灰岩矿', suffixEn: 'Limestone Quarry', count: 6 },
  { mineral: '建筑石料', suffix: '建筑石料矿', suffixEn: 'Building Stone Quarry', count: 6 },
] as const;

function repeat<T>(entries: readonly (readonly [T, number])[]): T[] {
  return entries.flatMap(([value, n]) => Array<T>(n).fill(value));
}

function responsibleParty(category: MineCategory, stem: string, township: TownshipArea): string | null {
  if (category === 'abandoned') return null;
  // 政策性关闭矿山: the township government took the duty over when the licence was revoked.
  if (category === 'policy_closed') return `${township.name}人民政府`;
  return `迁安市${stem}矿业有限公司`;
}

export function planMines(rng: Rng): MinePlan[] {
  const slots = TOWNSHIPS.flatMap((township) => township.stems.map((stem) => ({ township, stem })));
  const categories = rng.shuffle(repeat(Object.entries(CATEGORY_COUNTS) as [MineCategory, number][]));
  const kinds = rng.shuffle(repeat(KINDS.map((k) => [k, k.count] as const)));
  if (categories.length !== slots.length || kinds.length !== slots.length) throw new Error('mine counts disagree');
  return slots.map(({ township, stem }, i) => {
    const kind = kinds[i]!;
    const category = categories[i]!;
    const method: MiningMethod = kind.mineral !== '铁矿' ? 'quarry' : rng.chance(0.3) ? 'underground' : 'open';
    return {
      mine: {
        id: `QA-M${String(i + 1).padStart(2, '0')}`,
        name: `${stem[0]}${kind.suffix}`,
        name_en: `${stem[1]} ${kind.suffixEn}`,
        mineral: kind.mineral,
        township_id: township.id,
        category,
        responsible_party: responsibleParty(category, stem[0], township),
      },
      method,
      township,
      stem,
      riverside: kind.mineral === '建筑石料' && township.id !== 'QA-TS-MC',
    };
  });
}
