// Mine categories from the national 核查 codes (../shared/DOMAIN.md), and a mine's point inside a
// concave parcel whose centroid lies outside it.
import { describe, expect, it } from 'vitest';
import type { ParcelFeature } from '../../../src/domain/model.ts';
import { categoryFromSurvey, categoryFromText } from '../../../src/io/new-programme/mine-category.ts';
import { mineLocation } from '../../../src/io/new-programme/mine-location.ts';

describe('a mine category from 图斑小类 and 图斑大类', () => {
  it('maps the codes that say what the mine is, and leaves the others to the user', () => {
    const byCode = Object.fromEntries(['11', '12', '21', '22', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43'].map((c) => [c, categoryFromSurvey(c, null)]));
    expect(byCode).toEqual({
      11: 'abandoned', 12: 'policy_closed', 21: 'closed_pit', 22: 'closed_pit', 31: 'producing', 32: 'closed_pit',
      33: null, 34: null, 35: null, 36: null, 37: null, 41: null, 42: null, 43: null,
    });
  });

  it('reads 大类 only when there is no 小类', () => {
    expect([categoryFromSurvey(null, '10'), categoryFromSurvey(null, '20'), categoryFromSurvey(null, '30'), categoryFromSurvey('35', '10')]).toEqual(['abandoned', 'closed_pit', null, null]);
  });

  it('reads a category as a mine table writes it', () => {
    expect(['生产矿山', '在建', '闭坑矿山', '政策性关闭矿山', '历史遗留矿山', 'policy_closed', 'Under construction', '11', '其他'].map(categoryFromText))
      .toEqual(['producing', 'under_construction', 'closed_pit', 'policy_closed', 'abandoned', 'policy_closed', 'under_construction', 'abandoned', null]);
  });
});

describe('a mine location', () => {
  it('lies inside a C-shaped parcel, away from its centroid in the mouth', () => {
    // A 3 × 3 square (0.001° units) with the middle of its east side cut out to x = 1: the
    // centroid (about x = 1.36, y = 1.5) lies in the cut, outside the parcel.
    const u = 0.001;
    const ring = [[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]].map(([x, y]) => [118 + x! * u, 40 + y! * u]);
    const parcel = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } } as unknown as ParcelFeature;
    const [x, y] = mineLocation([parcel]);
    const [cx, cy] = [(x - 118) / u, (y - 40) / u];
    const inCut = cx > 1 && cy > 1 && cy < 2;
    expect(cx >= 0 && cx <= 3 && cy >= 0 && cy <= 3 && !inCut).toBe(true);
  });
});
