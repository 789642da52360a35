// A county's own programme from its files, through the new-programme wizard, as a user does it:
// the real GEM mine boundaries near Tangshan as parcels (one mine per GEM mine, named as GEM
// names it), the demo's zones file as its protection zones, a targets CSV naming its township;
// then its conflicts and its dashboard. The GEM mines lie 31.8 km and more from the demo's zones
// (GDAL: ST_Distance in EPSG:4527, river_lake nearest), so under the default buffers there is no
// conflict; a 33 km river buffer reaches Lvjiatuo and Fangezhuang (31.8, 32.0 km) but not
// Qianjiaying (35.1 km) nor Donghuantuo (over 50 km).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { labelInName, seriousAxeViolations } from './accessibility-checks.ts';
import { openApp, type OpenedApp } from './browser.ts';
import { smallTargets } from './touch.ts';
import { downloadCsv, MU_PER_M2 } from './dashboard-sums.ts';
import { openReview } from './review-helpers.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';
import { boundaries, click, createGemProgramme, mineNames, searchedMines, tap } from './gem-programme.ts';

describe('a new programme from the GEM boundaries (desktop)', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has one mine per GEM mine, named as GEM names it', async () => {
    await createGemProgramme(page, click);
    expect(await searchedMines(page)).toEqual(mineNames);
  });

  it('shows no conflict under the default buffers, and the two mines a 33 km river buffer reaches', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).click();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor({ timeout: 30_000 });
    await expect(list.locator('tbody tr').count()).resolves.toBe(0);
    await page.getByText('缓冲距离 · 通用').click();
    await page.getByRole('spinbutton', { name: '河流湖泊缓冲距离（米）' }).fill('33000');
    const ids = () => list.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('.sub')!.textContent!.split(' · ')[0]!).sort());
    await expect.poll(ids, { timeout: 30_000 }).toEqual(['M1121.B1', 'M1174.B1']);
  });

  it('shows its target and parcel area on the dashboard', async () => {
    await openReview(page);
    await page.getByRole('button', { name: '打开进度看板' }).click();
    await page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=treated]').waitFor({ timeout: 20_000 });
    const { rows } = await downloadCsv(page, '将“按乡镇（全部年度）”导出为 CSV');
    expect(rows.map((r) => r['乡镇'])).toEqual(['唐山市']);
    expect(Number(rows[0]!['目标任务（亩）'])).toBe(120);
    const areaMu = boundaries.reduce((s, f) => s + equalAreaReference(f.geometry), 0) * MU_PER_M2;
    expect(Math.abs(Number(rows[0]!['图斑面积（亩）']) - areaMu) / areaMu).toBeLessThan(1e-4);
    expect(Number(rows[0]!['已治理（亩）'])).toBe(0);
  });
});

describe('a new programme from a national 核查 Shapefile and a separate mine workbook', () => {
  it('joins the workbook by 矿山编号, reports what did not join, and takes townships and targets by name', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/wizard/${name}`, import.meta.url));
      await page.getByRole('button', { name: '项目操作' }).click();
      await page.getByRole('group', { name: '项目操作' }).getByRole('button', { name: '新建项目' }).click();
      const wizard = page.getByRole('dialog', { name: '新建项目' });
      await wizard.getByRole('textbox', { name: '项目名称' }).fill('迁安核查试点');
      await wizard.getByRole('textbox', { name: '县（市、区）名称' }).fill('迁安市');
      await wizard.getByRole('button', { name: '下一步' }).click();
      await wizard.getByLabel(/^图斑文件/).setInputFiles(fixture('hecha-4527.zip'));
      await expect.poll(() => wizard.getByRole('status').filter({ hasText: '已读取' }).textContent()).toBe('已读取 hecha-4527.zip：5 个图斑');
      await wizard.getByRole('button', { name: '下一步' }).click();

      await wizard.getByRole('radio', { name: /来自单独的矿山表/ }).check();
      await wizard.getByLabel(/^矿山表/).setInputFiles(fixture('mines.xlsx'));
      await expect.poll(() => wizard.getByRole('combobox', { name: '矿山编号列' }).inputValue()).toBe('矿山编号');
      await expect(wizard.getByRole('combobox', { name: '矿山名称列' }).inputValue()).resolves.toBe('矿山名称');
      await expect(wizard.getByRole('combobox', { name: '矿山类别列' }).inputValue()).resolves.toBe('矿山类别');
      await expect(wizard.getByRole('combobox', { name: '图斑中对应矿山编号或名称的字段' }).inputValue()).resolves.toBe('矿山编号');
      await expect(wizard.getByRole('combobox', { name: '乡镇' }).inputValue()).resolves.toBe('乡镇名称');
      await expect(wizard.getByRole('combobox', { name: '矿种字段' }).inputValue()).resolves.toBe('矿种');
      // KS01 and KS02 join; KS03's two parcels are not in the workbook and become a mine each.
      await expect.poll(() => wizard.getByRole('status').textContent()).toBe('将生成 4 个矿山、2 个乡镇。');
      await wizard.getByRole('button', { name: '下一步' }).click();
      await wizard.getByRole('button', { name: '以后再做' }).click();

      await expect(wizard.getByText('任务表中的乡镇应写作：马兰庄镇、蔡园镇').count()).resolves.toBe(1);
      await wizard.getByLabel(/^年度任务/).setInputFiles(fixture('targets.csv'));
      await expect.poll(() => wizard.getByRole('status').filter({ hasText: '条任务' }).textContent()).toBe('targets.csv：2 条任务');
      await wizard.getByRole('button', { name: '下一步' }).click();
      const problems = await wizard.getByRole('list', { name: '问题（按类型汇总）' }).getByRole('listitem').allTextContents();
      expect(problems).toEqual(expect.arrayContaining([
        '提示 2 × 图斑在矿山表中找不到对应的矿山，各自成为一个矿山 — 例如：130283-004、130283-005',
        '提示 1 × 矿山表中的矿山没有图斑，未创建 — 例如：mines.xlsx:4 (KS04 丁采石场)',
      ]));
      await wizard.getByRole('button', { name: '创建项目' }).click();
      const status = page.getByRole('status').filter({ hasText: '座矿山' });
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('4 座矿山，5 个图斑，0 个治理图斑，0 个保护区');

      await openReview(page);
      await page.getByRole('button', { name: '打开进度看板' }).click();
      await page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=treated]').waitFor({ timeout: 20_000 });
      const { rows } = await downloadCsv(page, '将“按乡镇（全部年度）”导出为 CSV');
      expect(Object.fromEntries(rows.map((r) => [r['乡镇'], Number(r['目标任务（亩）'])]))).toEqual({ 马兰庄镇: 30, 蔡园镇: 12.5 });
    } finally {
      await app.close();
    }
  });
});

describe('a new programme with every step left for later (in English)', () => {
  it('is created empty, with its name, and the app shows it', async () => {
    const app = await openApp({ query: '?lang=en' });
    try {
      const { page } = app;
      await page.getByRole('button', { name: 'Programme actions' }).click();
      await page.getByRole('group', { name: 'Programme actions' }).getByRole('button', { name: 'New programme' }).click();
      const wizard = page.getByRole('dialog', { name: 'New programme' });
      await expect(wizard.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
      await wizard.getByRole('textbox', { name: 'Programme name' }).fill('Empty programme');
      await wizard.getByRole('combobox', { name: 'Area level' }).selectOption({ label: 'Province' });
      await wizard.getByRole('textbox', { name: 'Province name' }).fill('Hebei');
      await wizard.getByRole('button', { name: 'Next' }).click();
      for (const [i, step] of ['Parcels', 'Mines', 'Protection zones', 'Targets'].entries()) {
        await expect(wizard.getByRole('heading', { name: `Step ${i + 2} of 6: ${step}` }).count()).resolves.toBe(1);
        await wizard.getByRole('button', { name: 'Later' }).click();
      }
      await expect(wizard.getByText('No problems found.').count()).resolves.toBe(1);
      await wizard.getByRole('button', { name: 'Back' }).click();
      await expect(wizard.getByText('No targets yet: they can be entered or imported later on the review dashboard.').count()).resolves.toBe(1);
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('button', { name: 'Create programme' }).click();
      const status = page.getByRole('status').filter({ hasText: 'mines,' });
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('0 mines, 0 parcels, 0 treated polygons, 0 protection zones');
      // Nothing of the wizard is left in Chinese.
      await page.getByRole('button', { name: 'Programme actions' }).click();
      await page.getByRole('group', { name: 'Programme actions' }).getByRole('button', { name: 'New programme' }).click();
      await expect(wizard.textContent()).resolves.not.toMatch(/\p{Script=Han}/u);
    } finally {
      await app.close();
    }
  });
});

describe('a new programme from the GEM boundaries (phone, touch)', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ viewport: 'phone', touch: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is a full-screen sheet, tapped through to a created programme', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '项目操作' }).tap();
    await page.getByRole('group', { name: '项目操作' }).getByRole('button', { name: '新建项目' }).tap();
    const box = await page.getByRole('dialog', { name: '新建项目' }).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await page.getByRole('dialog', { name: '新建项目' }).getByRole('button', { name: '关闭' }).tap();
    // Every control of every step is a finger's size (the page behind the modal is inert), axe finds nothing serious, and every name holds its visible label.
    await createGemProgramme(page, tap, async () => {
      expect(await smallTargets(page, 'dialog.wizard-dialog')).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect((await labelInName(page)).offenders).toEqual([]);
    });
    expect(await searchedMines(page)).toEqual(mineNames);
  });
});
