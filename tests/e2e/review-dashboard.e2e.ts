// The dashboard in the browser: its CSV tables for the demo programme match sums computed here
// independently from data/demo/* (targets added in tenths of a 亩, areas by an equal-area
// projection, treated area by GEOS overlays of cumulative unions), and an imported target table
// whose stated total disagrees with its rows is flagged, not corrected, then restored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './browser.ts';
import { downloadCsv, MU_PER_M2, treatedMu } from './dashboard-sums.ts';
import { openReview } from './review-helpers.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

const programme = demoProgramme();
const mineOf = new Map(programme.mines.map((m) => [m.id, m]));
const tenths = (mu: number): number => Math.round(mu * 10);

describe('progress dashboard', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await openReview(page);
    await page.getByRole('button', { name: '打开进度看板' }).click();
    await page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=treated]').waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports per-year figures equal to independent sums of the data files', async () => {
    const { rows } = await downloadCsv(page, '将“按年度或时段”导出为 CSV');
    const allParcels = new Set(programme.parcels.features.map((p) => p.properties.id));
    const accepted = new Set(programme.parcels.features.filter((p) => ['accepted', 'closed'].includes(p.properties.status)).map((p) => p.properties.id));
    let before = 0;
    let acceptedBefore = 0;
    let cumulativeTarget = 0;
    expect(rows.map((r) => Number(r['年度或时段']))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const row of rows) {
      const year = Number(row['年度或时段']);
      const target = programme.targets.rows.filter((r) => r.year === year).reduce((s, r) => s + tenths(r.target_mu), 0);
      cumulativeTarget += target;
      expect(tenths(Number(row['目标任务（亩）'])), `target ${year}`).toBe(target);
      expect(tenths(Number(row['累计目标（亩）'])), `cumulative target ${year}`).toBe(cumulativeTarget);
      const through = await treatedMu(programme, allParcels, `${year}-12-31`);
      expect(Number(row['已治理（亩）']), `treated ${year}`).toBeCloseTo(through - before, 3);
      expect(Number(row['累计治理（亩）']), `cumulative treated ${year}`).toBeCloseTo(through, 3);
      const acceptedThrough = await treatedMu(programme, accepted, `${year}-12-31`);
      expect(Number(row['其中已验收（亩）']), `accepted ${year}`).toBeCloseTo(acceptedThrough - acceptedBefore, 3);
      expect(Number(row['目标任务（公顷）'])).toBeCloseTo(Number(row['目标任务（亩）']) / 15, 5);
      before = through;
      acceptedBefore = acceptedThrough;
    }
  });

  it('exports per-township figures equal to independent sums, with areas to treat and treatment rates', async () => {
    const { rows } = await downloadCsv(page, '将“按乡镇（全部年度）”导出为 CSV');
    expect(rows.map((r) => r['乡镇']).sort()).toEqual(programme.townships.map((t) => t.name).sort());
    for (const township of programme.townships) {
      const row = rows.find((r) => r['乡镇'] === township.name)!;
      const parcels = programme.parcels.features.filter((p) => mineOf.get(p.properties.mine_id)!.township_id === township.id);
      const areaMu = parcels.reduce((s, p) => s + equalAreaReference(p.geometry), 0) * MU_PER_M2;
      const treated = await treatedMu(programme, new Set(parcels.map((p) => p.properties.id)), '9999-12-31');
      expect(tenths(Number(row['目标任务（亩）']))).toBe(programme.targets.rows.filter((r) => r.township_id === township.id).reduce((s, r) => s + tenths(r.target_mu), 0));
      expect(Math.abs(Number(row['图斑面积（亩）']) - areaMu) / areaMu).toBeLessThan(1e-4);
      expect(Number(row['已治理（亩）'])).toBeCloseTo(treated, 3);
      expect(Number(row['治理率（%）'])).toBeCloseTo((treated / areaMu) * 100, 1);
    }
  });

  it('flags an imported total that disagrees with its rows, shows it as written, and restores the programme’s targets', async () => {
    const dashboard = page.getByRole('region', { name: '目标任务与治理进度' });
    const total = () => dashboard.locator('[data-figure=target]').textContent();
    const original = await total();
    expect(await dashboard.getByRole('region', { name: '目标数据前后不一致' }).count()).toBe(0);
    const csv = ['乡镇,矿山类别,年度,目标面积（亩）', '马兰庄镇,生产矿山,2019,40.4', '马兰庄镇,生产矿山,2020,41.6', '马兰庄镇,闭坑、政策性关闭和废弃矿山,2019,96', '马兰庄镇,闭坑、政策性关闭和废弃矿山,2020,96', '合计,,2019-2020,404'].join('\n');
    await dashboard.getByLabel('从 CSV 导入目标').setInputFiles({ name: '新宾式.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => dashboard.getByRole('status').filter({ hasText: '已从' }).textContent()).toBe('已从“新宾式.csv”导入 4 行目标和 1 个合计');
    const flags = dashboard.getByRole('region', { name: '目标数据前后不一致' });
    await expect.poll(() => flags.getByRole('listitem').allTextContents()).toEqual(['2019–2020（全部）合计 404 亩，但各行之和为 274 亩，相差 130 亩']);
    await expect.poll(total).toBe('274 亩');
    await dashboard.getByRole('button', { name: '恢复计划原值' }).click();
    await expect.poll(total).toBe(original);
    await expect.poll(() => flags.count()).toBe(0);
  });
});
