// Seed 001 (Xinbin county) states totals that disagree with its own yearly rows: they are
// reported with the difference, never corrected (the fixture is frozen); totals that agree are
// not reported.
import { describe, expect, it } from 'vitest';
import type { TargetTable } from '../../../src/domain/model.ts';
import { targetInconsistencies } from '../../../src/domain/target-consistency.ts';
import { deepFreeze } from '../../helpers/analysis-features.ts';
import { demoProgramme } from '../../helpers/demo-files.ts';

const XB = 'XB';
/** Seed 001 as written: yearly rows per group, and the totals of its text. */
const seed001: TargetTable = deepFreeze({
  rows: [
    { township_id: XB, category_group: 'producing', year: 2019, target_mu: 40.4 },
    { township_id: XB, category_group: 'producing', year: 2020, target_mu: 41.6 },
    { township_id: XB, category_group: 'producing', year: 2021, target_mu: 106 },
    { township_id: XB, category_group: 'producing', year: 2022, target_mu: 106 },
    { township_id: XB, category_group: 'closed_and_abandoned', year: 2019, target_mu: 96 },
    { township_id: XB, category_group: 'closed_and_abandoned', year: 2020, target_mu: 96 },
    { township_id: XB, category_group: 'closed_and_abandoned', year: 2021, target_mu: 36 },
    { township_id: XB, category_group: 'closed_and_abandoned', year: 2022, target_mu: 45 },
  ],
  stated_totals: [
    { year: 2019, to_year: 2022, target_mu: 697 }, // 计划用5年时间完成治理面积697亩
    { year: 2019, to_year: 2020, target_mu: 404 }, // 2020年底…治理面积404亩
    { year: 2019, to_year: 2020, category_group: 'producing', target_mu: 212 }, // （生产矿山212亩
    { year: 2019, to_year: 2020, category_group: 'closed_and_abandoned', target_mu: 192 }, // 政策性关闭和废弃矿山192亩）
    { year: 2019, to_year: 2020, target_mu: 274 }, // 总治理面积274亩
    { year: 2019, to_year: 2020, category_group: 'producing', target_mu: 82 },
    { year: 2021, to_year: 2022, target_mu: 293 },
    { year: 2021, to_year: 2022, category_group: 'producing', target_mu: 212 },
    { year: 2021, to_year: 2022, category_group: 'closed_and_abandoned', target_mu: 81 },
  ],
  source: '新宾县矿山地质环境恢复治理专项行动实施方案（种子001）',
});

describe('target consistency', () => {
  it('flags the three totals of seed 001 that disagree with its rows, with the differences', () => {
    const found = targetInconsistencies(seed001);
    expect(found.map((f) => ({ stated: f.total.target_mu, rows: f.rows_mu, difference: f.difference_mu }))).toEqual([
      { stated: 697, rows: 567, difference: 130 },
      { stated: 404, rows: 274, difference: 130 },
      { stated: 212, rows: 82, difference: 130 },
    ]);
  });

  it('flags a total for which the plan has no rows at all', () => {
    const found = targetInconsistencies({ ...seed001, stated_totals: [{ year: 2023, target_mu: 50 }] });
    expect(found).toEqual([{ total: { year: 2023, target_mu: 50 }, rows_mu: 0, rows: 0, difference_mu: 50 }]);
  });

  it('finds the demo programme consistent (its totals are the sums of its rows)', () => {
    expect(targetInconsistencies(demoProgramme().targets)).toEqual([]);
  });
});
