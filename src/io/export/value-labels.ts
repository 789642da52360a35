// Coded values as an export writes them: Fulv's codes (untreated, open_pit…), or the Chinese
// labels the app shows (未治理, 露天采场…) for readers who open the file in a spreadsheet or
// 奥维. The national 核查 codes (图斑大类 tbdl, 图斑小类 tbxl) are written as codes either way:
// they are the national standard's own values. A value that is not a known code (a source
// attribute, a free text) is written as it is.
import type { DamageType, Measure, MineCategory, ParcelStatus, RestorationDirection, ZoneType } from '../../domain/model.ts';
import type { AttributeValue } from '../import-types.ts';

export const EXPORT_VALUE_STYLES = ['codes', 'labels'] as const;
export type ExportValueStyle = (typeof EXPORT_VALUE_STYLES)[number];

/** The same words as the app's Chinese dictionary (ui/i18n/zh.ts), checked by a unit test. */
export const CHINESE_LABELS = {
  status: {
    untreated: '未治理', in_progress: '治理中', treated: '已治理', accepted: '已验收', closed: '已销号', rejected: '验收不通过',
  } satisfies Record<ParcelStatus, string>,
  damage_type: {
    open_pit: '露天采场', waste_dump: '排土场/废石场', tailings_pond: '尾矿库', subsidence: '塌陷区',
    industrial_site: '工业场地', mine_road: '矿区道路', other: '其他',
  } satisfies Record<DamageType, string>,
  direction: { farmland: '耕地', forest: '林地', grassland: '草地', construction: '建设用地', natural: '自然恢复' } satisfies Record<RestorationDirection, string>,
  measure: { engineering: '工程修复', landform: '地貌修复', vegetation: '生态修复' } satisfies Record<Measure, string>,
  zone_type: {
    nature_reserve: '自然保护区', water_source: '水源地保护区', scenic_area: '景观区/风景名胜区',
    residential_area: '居民集中生活区', traffic_line: '重要交通干线', river_lake: '河流湖泊',
  } satisfies Record<ZoneType, string>,
  category: {
    producing: '生产矿山', under_construction: '在建矿山', closed_pit: '闭坑矿山', policy_closed: '政策性关闭矿山', abandoned: '废弃/历史遗留矿山',
  } satisfies Record<MineCategory, string>,
} as const;

type CodedField = keyof typeof CHINESE_LABELS;

export function exportValue(field: string, value: AttributeValue, style: ExportValueStyle): AttributeValue {
  if (style === 'codes' || typeof value !== 'string' || !Object.hasOwn(CHINESE_LABELS, field)) return value;
  const labels: Readonly<Record<string, string>> = CHINESE_LABELS[field as CodedField];
  return Object.hasOwn(labels, value) ? labels[value]! : value;
}
