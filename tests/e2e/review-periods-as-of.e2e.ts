// The dashboard with a target for a period and as of a date, against sums made here from
// data/demo/*: a 2024–2025 target entered in the grid is saved (it survives a reload) and set
// against the treated area of 2024 and 2025 in its township and group, while the plan's yearly
// totals it no longer matches are flagged; as of a day in 2022 the
// treated and accepted areas are those of the polygons done by then, and the file names say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './browser.ts';
import { downloadCsv, treatedMu } from './dashboard-sums.ts';
import { openReview } from './review-helpers.ts';
import { demoProgramme } from '../helpers/demo-files.ts';

const programme = demoProgramme();
const mineOf = new Map(programme.mines.map((m) => [m.id, m]));
const groupOf = (mineId: string): string => (['producing', 'under_construction'].includes(mineOf.get(mineId)!.category) ? 'producing' : 'closed_and_abandoned');
const tenths = (mu: number): number => Math.round(mu * 10);
const ids = (keep: (p: (typeof programme.parcels.features)[number]) => boolean): Set<string> => new Set(programme.parcels.features.filter(keep).map((p) => p.properties.id));

const TOWNSHIP = programme.townships.find((t) => t.name === '马兰庄镇')!;
const inScope = (p: (typeof programme.parcels.features)[number]): boolean =>
  mineOf.get(p.properties.mine_id)!.township_id === TOWNSHIP.id && groupOf(p.properties.mine_id) === 'closed_and_abandoned';

async function openDashboard(page: Page): Promise<void> {
  await openReview(page);
  await page.getByRole('button', { name: '打开进度看板' }).click();
  await page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=treated]').waitFor({ timeout: 20_000 });
}

describe('dashboard: targets for a period, and figures as of a date', () => {
  let app: OpenedApp;
  let page: Page;
  const dashboard = () => page.getByRole('region', { name: '目标任务与治理进度' });
  const editor = () => dashboard().getByRole('region', { name: '目标任务（亩）' });
  const cell = (span: string) => editor().getByLabel(`马兰庄镇闭坑、政策性关闭和废弃矿山${span}年目标（亩）`, { exact: true });

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await openDashboard(page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves a 2024–2025 target entered in the grid and sets it against the treated area of those years', async () => {
    await editor().getByLabel('起始年度').fill('2024');
    await editor().getByLabel('截止年度（时段用，可空）').fill('2025');
    await editor().getByRole('button', { name: '添加年度或时段列' }).click();
    await editor().getByRole('button', { name: '删除空列 2024–2025' }).waitFor();
    await cell('2024').fill('');
    await cell('2025').fill('');
    await cell('2024–2025').fill('123.4');
    await editor().getByRole('button', { name: '保存目标' }).click();
    await expect.poll(() => editor().getByRole('status').textContent()).toBe('目标已保存');
    // The plan's own totals for 2024 and 2025 now disagree with the rows: flagged, not changed.
    const fmt = (mu: number): string => mu.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    const flagged = [2024, 2025].map((year) => {
      const stated = programme.targets.stated_totals.find((t) => t.year === year && t.to_year === undefined && !t.township_id)!.target_mu;
      const moved = programme.targets.rows.find((r) => r.year === year && r.township_id === TOWNSHIP.id && r.category_group === 'closed_and_abandoned')!.target_mu;
      return `${year}（全部）合计 ${fmt(stated)} 亩，但各行之和为 ${fmt(stated - moved)} 亩，相差 ${fmt(moved)} 亩`;
    });
    await expect.poll(() => dashboard().getByRole('region', { name: '目标数据前后不一致' }).getByRole('listitem').allTextContents()).toEqual(flagged);

    await page.reload();
    await page.getByRole('status').filter({ hasText: /图斑/ }).first().waitFor();
    await openDashboard(page);
    expect(await cell('2024–2025').inputValue()).toBe('123.4');
    expect(await cell('2024').count()).toBe(1); // other townships still have 2024 targets

    const { rows } = await downloadCsv(page, '将“按年度或时段”导出为 CSV');
    expect(rows.map((r) => r['年度或时段'])).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2024–2025', '2025']);
    const row = (span: string) => rows.find((r) => r['年度或时段'] === span)!;
    const scope = ids(inScope);
    const period = row('2024–2025');
    expect(tenths(Number(period['目标任务（亩）']))).toBe(1234);
    expect(Number(period['已治理（亩）'])).toBeCloseTo(await treatedMu(programme, scope, '2025-12-31') - await treatedMu(programme, scope, '2023-12-31'), 3);
    // 2024 is now the other townships' and groups' year: their targets and their treated area.
    const others = ids((p) => !inScope(p));
    const target2024 = programme.targets.rows.filter((r) => r.year === 2024 && !(r.township_id === TOWNSHIP.id && r.category_group === 'closed_and_abandoned'));
    expect(tenths(Number(row('2024')['目标任务（亩）']))).toBe(target2024.reduce((s, r) => s + tenths(r.target_mu), 0));
    expect(Number(row('2024')['已治理（亩）'])).toBeCloseTo(await treatedMu(programme, others, '2024-12-31') - await treatedMu(programme, others, '2023-12-31'), 3);
    // By the end of 2025 everything is due and everything done counts.
    const all = ids(() => true);
    expect(tenths(Number(period['累计目标（亩）']))).toBe(programme.targets.rows.reduce((s, r) => s + tenths(r.target_mu), 0)
      - programme.targets.rows.filter((r) => r.township_id === TOWNSHIP.id && r.category_group === 'closed_and_abandoned' && r.year >= 2024).reduce((s, r) => s + tenths(r.target_mu), 0) + 1234);
    expect(Number(period['累计治理（亩）'])).toBeCloseTo(await treatedMu(programme, all, '2025-12-31'), 3);

    await editor().getByRole('button', { name: '恢复计划原值' }).click();
    await expect.poll(() => cell('2024–2025').count()).toBe(0);
  });

  it('shows the programme as it stood at the end of a day: less treated, and accepted only where all work was done by then', async () => {
    const day = '2022-06-30';
    await dashboard().getByLabel('截至日期').fill(day);
    await expect.poll(() => dashboard().locator('[data-figure=as-of]').textContent()).toContain(`截至 ${day} 当天结束时`);
    await expect.poll(() => dashboard().getAttribute('aria-busy')).toBe('false');
    await dashboard().locator('[data-figure=treated]').waitFor();

    const { rows, download } = await downloadCsv(page, '将“按乡镇（全部年度）”导出为 CSV');
    expect(download.suggestedFilename()).toBe(`${programme.id}-progress-by-township-as-of-${day}.csv`);
    const datesOf = new Map<string, string[]>();
    for (const f of programme.treated.features) if (f.properties.parcel_id) datesOf.set(f.properties.parcel_id, [...(datesOf.get(f.properties.parcel_id) ?? []), f.properties.date]);
    let thenMu = 0;
    for (const township of programme.townships) {
      const row = rows.find((r) => r['乡镇'] === township.name)!;
      const here = (p: (typeof programme.parcels.features)[number]) => mineOf.get(p.properties.mine_id)!.township_id === township.id;
      const treated = await treatedMu(programme, ids(here), day);
      // With no acceptance steps recorded, a parcel is as its record says once all its work is done.
      const accepted = ids((p) => here(p) && ['accepted', 'closed'].includes(p.properties.status)
        && (datesOf.get(p.properties.id) ?? []).length > 0 && datesOf.get(p.properties.id)!.every((d) => d <= day));
      expect(Number(row['已治理（亩）']), township.name).toBeCloseTo(treated, 3);
      expect(Number(row['其中已验收（亩）']), township.name).toBeCloseTo(await treatedMu(programme, accepted, day), 3);
      thenMu += treated;
    }
    expect(thenMu).toBeLessThan(await treatedMu(programme, ids(() => true), '9999-12-31') - 1);

    await dashboard().getByRole('button', { name: '显示当前' }).click();
    await expect.poll(() => dashboard().locator('[data-figure=as-of]').textContent()).toBe('以下为当前数据');
  });

  it('takes targets in 公顷 as well, and keeps them in 亩 (15 亩 = 1 公顷)', async () => {
    const year = 2021;
    const own = programme.targets.rows.find((r) => r.year === year && r.township_id === TOWNSHIP.id && r.category_group === 'closed_and_abandoned')!;
    await editor().getByLabel('目标面积单位', { exact: true }).selectOption('ha');
    const inHa = dashboard().getByRole('region', { name: '目标任务（公顷）' });
    const haCell = inHa.getByLabel(`马兰庄镇闭坑、政策性关闭和废弃矿山${year}年目标（公顷）`, { exact: true });
    expect(Number(await haCell.inputValue())).toBeCloseTo(own.target_mu / 15, 6);
    await haCell.fill('2.5');
    await inHa.getByRole('button', { name: '保存目标' }).click();
    await expect.poll(() => inHa.getByRole('status').textContent()).toBe('目标已保存');
    await inHa.getByLabel('目标面积单位', { exact: true }).selectOption('mu');
    expect(await cell(String(year)).inputValue()).toBe('37.5');
    await editor().getByRole('button', { name: '恢复计划原值' }).click();
    await expect.poll(() => cell(String(year)).inputValue()).toBe(String(own.target_mu));
  });
});
