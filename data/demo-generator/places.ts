// Names for the synthetic programme: real township names of Qian'an, invented hamlets and mines.
// Each township has a box (lon/lat) where its mines may be centred; the boxes keep clear of the
// city, come down to the Luan River (layout keeps mines off the water itself), and Malanzhuang's
// reaches west of 118.5°E (Gauss-Krüger zone 39).
import type { Township } from '../../src/domain/model.ts';

export interface TownshipArea extends Township {
  box: { west: number; east: number; south: number; north: number };
  /** Place names (Chinese, pinyin) that mines and villages of the township are named after. */
  stems: readonly (readonly [string, string])[];
}

export const TOWNSHIPS: readonly TownshipArea[] = [
  {
    id: 'QA-TS-ML', name: '马兰庄镇', name_en: 'Malanzhuang Town',
    box: { west: 118.415, east: 118.55, south: 40.09, north: 40.215 },
    stems: [['孟家峪', 'Mengjiayu'], ['西峡口', 'Xixiakou'], ['沙岭', 'Shaling'], ['柳河', 'Liuhe'], ['东山', 'Dongshan'],
      ['北岭', 'Beiling'], ['石门', 'Shimen'], ['庙岭', 'Miaoling'], ['张家峪', 'Zhangjiayu'], ['岳庄', 'Yuezhuang'], ['栗树沟', 'Lishugou']],
  },
  {
    id: 'QA-TS-CY', name: '蔡园镇', name_en: 'Caiyuan Town',
    box: { west: 118.445, east: 118.63, south: 39.915, north: 40.028 },
    stems: [['杨店子', 'Yangdianzi'], ['黄柏峪', 'Huangbaiyu'], ['小寨', 'Xiaozhai'], ['刘庄', 'Liuzhuang'], ['龙湾', 'Longwan'],
      ['松岭', 'Songling'], ['王官营', 'Wangguanying'], ['赵店子', 'Zhaodianzi'], ['南岭', 'Nanling']],
  },
  {
    id: 'QA-TS-DW', name: '大五里乡', name_en: 'Dawuli Township',
    box: { west: 118.6, east: 118.75, south: 40.095, north: 40.22 },
    stems: [['石湖', 'Shihu'], ['南沟', 'Nangou'], ['果园', 'Guoyuan'], ['孤山', 'Gushan'], ['羊崖', 'Yangya'], ['峪口', 'Yukou'],
      ['石梯子', 'Shitizi'], ['前庄', 'Qianzhuang'], ['后岭', 'Houling'], ['桃园', 'Taoyuan'], ['狼窝', 'Langwo']],
  },
  {
    id: 'QA-TS-MC', name: '木厂口镇', name_en: 'Muchangkou Town',
    box: { west: 118.78, east: 118.885, south: 39.995, north: 40.17 },
    stems: [['松汀', 'Songting'], ['白羊峪', 'Baiyangyu'], ['马蹄峪', 'Matiyu'], ['下店', 'Xiadian'], ['青山', 'Qingshan'],
      ['二道沟', 'Erdaogou'], ['红峪', 'Hongyu'], ['大峪', 'Dayu'], ['杏树岭', 'Xingshuling']],
  },
];

/** Villages away from any mine, to show residential zones that constrain nothing. */
export const REMOTE_VILLAGES: readonly (readonly [string, string])[] = [['野鸡坨', 'Yejituo'], ['太平庄', 'Taipingzhuang']];

export const SURVEYORS = ['张伟', '李娜', '王磊', '刘洋', '陈静', '赵军', '孙丽', '周强'] as const;
