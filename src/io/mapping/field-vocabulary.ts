// What Chinese mine data calls things. Field names: Fulv's own, the national legacy-mine 核查
// table (Chinese names and the pinyin initials its DBFs use: TBBH 图斑编号, TBDL 图斑大类, TBXL
// 图斑小类, TBSX 图斑属性, XFFX 修复方向…), and common variants. Values: the code lists of
// ../../../shared/DOMAIN.md mapped onto model.ts codes. Earlier names in a list win.
import type { CodedField, TargetField } from './field-mapping-types.ts';

export const FIELD_NAMES: Record<TargetField, readonly string[]> = {
  id: ['id', '图斑编号', 'tbbh', '地块编号', 'dkbh', '编号', 'bh', '图斑号', '地块号', '宗地号', 'bsm', '标识码'],
  mine_id: ['mine_id', 'mineid', 'gemmineid', '矿山编号', 'ksbh', '矿山代码', '采矿证号', '采矿许可证号', 'ckzh', 'xkzh'],
  // A mine's name is a name, never its id: the programme makes (or finds) the mine from it.
  mine_name: ['mine_name', 'minename', '矿山名称', '矿山名', 'ksmc', '矿名', '矿山', 'mine'],
  name: ['name', '名称', '图斑名称', 'tbmc', '地块名称', 'dkmc', 'mc', '保护区名称', '区域名称', '名字'],
  name_en: ['name_en', 'nameen', '英文名称'],
  damage_type: ['damage_type', 'damage_typ', 'damagetype', '图斑属性', 'tbsx', '损毁类型', 'shlx', '损毁单元', '破坏类型', '类型'],
  direction: ['direction', '修复方向', 'xffx', '恢复方向', 'hffx', '治理方向', 'zlfx', '复垦方向'],
  status: ['status', '恢复治理状态', 'hfzlzt', '治理状态', 'zlzt', '状态', 'zt'],
  tbdl: ['tbdl', '图斑大类'],
  tbxl: ['tbxl', '图斑小类'],
  note: ['note', '备注', 'bz', '说明', 'description', 'desc', '描述'],
  zone_type: ['zone_type', 'zonetype', '保护类型', '保护地类型', 'bhdlx', '区域类型', '类型', 'type'],
  parcel_id: ['parcel_id', 'parcelid', '所属图斑', '图斑编号', 'tbbh', '所属地块', '地块编号'],
  date: ['date', '治理日期', '日期', '竣工日期', '完成日期', '验收日期', '核查日期', 'hcrq', 'time', 'timestamp', '时间'],
  measure: ['measure', '治理措施', '修复措施', '措施', 'zlcs', '修复方式', 'xffs'],
  surveyor: ['surveyor', '调查人', '核查人', 'hcr', '测量人', '填表人', '调查员'],
};

export const VALUE_WORDS: Record<CodedField, Record<string, readonly string[]>> = {
  damage_type: {
    open_pit: ['露天采场', '采场', '采坑', '露天采坑', '开采面', 'open pit'],
    waste_dump: ['固体废弃物堆场', '排土场', '废石场', '废石堆', '矸石堆', '矸石山', '渣堆', '排渣场', '废渣场', 'waste dump'],
    tailings_pond: ['尾矿库', '尾矿坝', '尾砂库', 'tailings'],
    subsidence: ['塌陷坑', '塌陷区', '沉陷区', '采空塌陷', '采空区', '塌陷', 'subsidence'],
    industrial_site: ['独立选址的选矿厂', '矿山建筑', '工业场地', '中转场', '选矿厂', '工业广场', 'industrial'],
    mine_road: ['矿区道路', '运输道路', '矿山道路', '道路', 'road'],
    other: ['井口/硐口', '井口', '硐口', '其他', '其它'],
  },
  direction: {
    farmland: ['耕地', '宜农', '农用地', '旱地', '水田'],
    forest: ['林地', '宜林', '有林地', '园地'],
    grassland: ['草地', '宜草', '其他草地'],
    construction: ['建设用地', '宜建', '转型利用'],
    natural: ['自然恢复', '自然修复'],
  },
  status: {
    untreated: ['未治理', '未修复', '未开展', '未恢复'],
    in_progress: ['治理中', '正在治理', '修复中', '在建', '部分治理'],
    treated: ['已治理', '已修复', '治理完成', '已完成', '已恢复'],
    accepted: ['已验收', '验收通过', '通过验收'],
    closed: ['已销号', '销号'],
    rejected: ['验收不通过', '未通过验收', '不通过'],
  },
  tbdl: {
    10: ['历史遗留矿山'],
    20: ['有责任主体的废弃矿山', '有责任主体'],
    30: ['其他情形'],
    40: ['功能未损毁采矿沉陷区', '采矿沉陷区'],
  },
  tbxl: {
    11: ['无主废弃矿山'],
    12: ['政府承担责任的政策性关闭矿山', '政策性关闭矿山'],
    21: ['企业承担责任'],
    22: ['个人承担责任'],
    31: ['生产矿山'],
    32: ['过期未注销'],
    33: ['自然灾毁'],
    34: ['建设类损毁'],
    35: ['河道采砂'],
    36: ['尾矿库占用'],
    37: ['伪变化'],
    41: [], 42: [], 43: [],
  },
  zone_type: {
    nature_reserve: ['自然保护区', '保护区', '自然保护地', '国家公园'],
    water_source: ['饮用水水源保护区', '水源地保护区', '水源保护区', '水源地'],
    scenic_area: ['风景名胜区', '景观区', '森林公园', '地质公园', '湿地公园', '旅游区'],
    residential_area: ['居民集中生活区', '居民区', '城镇', '村庄', '居住区'],
    traffic_line: ['重要交通干线', '高速公路', '铁路', '国道', '省道', '公路', '交通干线'],
    river_lake: ['河流湖泊', '河流', '湖泊', '水库', '河道', '江河'],
  },
  measure: {
    engineering: ['工程修复', '工程措施', '工程治理', '生态重建'],
    landform: ['地貌修复', '地形重塑', '削坡', '回填', '土地平整', '整形'],
    vegetation: ['生态修复', '植被恢复', '植被重建', '复绿', '植树', '种草', '辅助再生'],
  },
};

export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-.]/g, '');
}

/** The Fulv code for a source value: the code itself, a listed word, or the longest word it contains. */
export function codeForValue(field: CodedField, value: string): string | null {
  const words = VALUE_WORDS[field];
  const text = value.trim();
  if (text === '') return null;
  if (Object.hasOwn(words, text)) return text;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  let best: { code: string; length: number } | null = null;
  for (const [code, list] of Object.entries(words)) {
    for (const word of list) {
      if (lower === word) return code;
      if (lower.includes(word) && (!best || word.length > best.length)) best = { code, length: word.length };
    }
  }
  return best?.code ?? null;
}
