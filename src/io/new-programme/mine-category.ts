// A mine's category from the national 核查 codes of its parcels (../../../../shared/DOMAIN.md):
// 图斑小类 11 无主废弃 → abandoned, 12 政策性关闭 → policy_closed, 21/22 责任主体尚在的废弃矿山 and
// 32 过期未注销 → closed_pit, 31 生产矿山 → producing. 33–37 (灾毁, 建设类损毁, 采砂, 尾矿库占用,
// 伪变化) and 41–43 (沉陷区) say nothing about the mine, so they leave the choice to the user.
// Without a 小类, 大类 10 (历史遗留) reads as abandoned and 20 (有责任主体) as closed_pit.
import { MINE_CATEGORIES, type MineCategory } from '../../domain/model.ts';

const BY_TBXL: Readonly<Record<string, MineCategory>> = { 11: 'abandoned', 12: 'policy_closed', 21: 'closed_pit', 22: 'closed_pit', 31: 'producing', 32: 'closed_pit' };
const BY_TBDL: Readonly<Record<string, MineCategory>> = { 10: 'abandoned', 20: 'closed_pit' };

export function categoryFromSurvey(tbxl: string | null | undefined, tbdl: string | null | undefined): MineCategory | null {
  if (tbxl && Object.hasOwn(BY_TBXL, tbxl)) return BY_TBXL[tbxl]!;
  if (tbxl) return null;
  return tbdl && Object.hasOwn(BY_TBDL, tbdl) ? BY_TBDL[tbdl]! : null;
}

const CATEGORY_WORDS: Readonly<Record<MineCategory, readonly string[]>> = {
  producing: ['生产矿山', '生产', '在产', 'producing'],
  under_construction: ['在建矿山', '在建', '基建', 'under construction'],
  closed_pit: ['闭坑矿山', '闭坑', 'closed pit', 'closed'],
  policy_closed: ['政策性关闭矿山', '政策性关闭', '关闭矿山', 'policy closed'],
  abandoned: ['废弃矿山', '历史遗留矿山', '无主废弃矿山', '废弃', '历史遗留', 'abandoned', 'legacy'],
};

/** A category written in a mine table: the code, a Chinese or English word, or a 图斑小类 code. */
export function categoryFromText(text: string): MineCategory | null {
  const value = text.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (value === '') return null;
  const code = MINE_CATEGORIES.find((c) => c.replace('_', ' ') === value);
  if (code) return code;
  for (const [category, words] of Object.entries(CATEGORY_WORDS) as [MineCategory, readonly string[]][]) if (words.includes(value)) return category;
  return categoryFromSurvey(value, null);
}
