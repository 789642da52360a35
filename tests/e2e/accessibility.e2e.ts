// Accessibility of the main screens, at a phone's and a desktop's size: axe-core finds no serious
// or critical violation, and every control's accessible name contains its visible label (WCAG
// 2.5.3). Each screen is reached as a user reaches it — its tab found by role and name — so the
// same reacher works in the desktop side panel and in the phone layout's sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bbox } from '@turf/turf';
import { openApp, waitForMapIdle, type OpenedApp, type Screen } from './browser.ts';
import { labelInName, seriousAxeViolations } from './accessibility-checks.ts';
import { demoProgramme } from '../helpers/demo-files.ts';

const programme = demoProgramme();

interface MainScreen { name: string; reach: (page: Page) => Promise<void>; leave?: (page: Page) => Promise<void> }

/** A dialog opened by a button (in a tab, if given), and closed again with Escape so the next screen starts clear. */
const dialog = (name: string, button: string, title: string, tab?: string): MainScreen => ({
  name,
  reach: async (page) => {
    if (tab) await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('dialog', { name: title }).waitFor();
  },
  leave: async (page) => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: title }).waitFor({ state: 'hidden' });
  },
});

const byTab = (tab: string, ready: (page: Page) => Promise<void>) => async (page: Page) => {
  await page.getByRole('tab', { name: tab }).click();
  await ready(page);
};

const LAYERS = '图层';

const SCREENS: MainScreen[] = [
  { name: 'first screen', reach: async () => {} },
  { name: 'survey', reach: byTab('外业调查', async (page) => { await page.getByRole('textbox', { name: '调查人姓名' }).waitFor(); }) },
  {
    name: 'conflicts',
    reach: byTab('冲突分析', async (page) => {
      await page.getByRole('region', { name: '冲突图斑' }).and(page.locator('[aria-busy=false]')).waitFor({ timeout: 60_000 });
    }),
  },
  { name: 'review', reach: byTab('审查验收', async (page) => { await page.getByRole('textbox', { name: '审查人姓名' }).waitFor(); }) },
  {
    name: 'progress dashboard',
    reach: byTab('审查验收', async (page) => {
      await page.getByRole('button', { name: '打开进度看板' }).click();
      await page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=treated]').waitFor({ timeout: 20_000 });
    }),
    leave: async (page) => { await page.getByRole('button', { name: '关闭进度看板' }).click(); },
  },
  dialog('import dialog', '导入数据…', '导入数据', LAYERS),
  dialog('export dialog', '导出数据…', '导出数据', LAYERS),
  dialog('settings', '设置', '设置'),
];

/** The screens each size is checked on; at phone size the role tabs live in the bottom sheet. */
const SIZES: { size: Screen; label: string; query?: string; screens: string[] }[] = [
  { size: 'phone', label: '390×844', screens: ['first screen', 'survey', 'conflicts', 'review', 'settings'] },
  { size: 'wide', label: '1440×900', screens: ['first screen', 'survey', 'conflicts', 'review', 'progress dashboard', 'import dialog', 'export dialog', 'settings'] },
  // English labels differ in length and wording: the names must hold them too.
  { size: 'wide', label: '1440×900 in English', query: '?lang=en', screens: ['first screen'] },
];

for (const { size, label, query, screens } of SIZES) {
  describe(`accessibility at ${label}`, () => {
    let app: OpenedApp;
    beforeAll(async () => {
      app = await openApp({ viewport: size, query });
    });
    afterAll(async () => {
      await app?.close();
    });

    for (const screen of SCREENS.filter((s) => screens.includes(s.name))) {
      it(`${screen.name}: no serious or critical axe violation, and every name holds its visible label`, async () => {
        await screen.reach(app.page);
        await waitForMapIdle(app.page);
        expect(await seriousAxeViolations(app.page)).toEqual([]);
        const { checked, offenders } = await labelInName(app.page);
        expect(offenders).toEqual([]);
        // Something was checked: at phone size the header's few controls, at desktop the panel's too.
        expect(checked).toBeGreaterThan(2);
        await screen.leave?.(app.page);
      });
    }
  });
}

describe('programme search', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp({ viewport: 'wide' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is a combobox whose results the arrow keys move through, and Enter flies to the one chosen', async () => {
    const { page } = app;
    const box = page.getByRole('combobox', { name: '搜索矿山或图斑' });
    await box.fill('铁矿');
    const results = page.getByRole('listbox', { name: '搜索结果' });
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    const options = results.getByRole('option');
    expect(await options.count()).toBeGreaterThan(2);
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    const second = options.nth(1);
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await second.getAttribute('id'));
    // Up and down again, End and Home: the choice follows, and the focus stays in the box.
    await box.press('End');
    await expect(options.last().getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Home');
    await box.press('ArrowDown');
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const id = (await second.locator('.id').textContent())!;
    await box.press('Enter');
    await expect(results.isVisible()).resolves.toBe(false);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await waitForMapIdle(page);
    // The map now centres on the chosen mine's or parcel's parcels, as the data file places them.
    const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: programme.parcels.features.filter((f) => f.properties.id === id || f.properties.mine_id === id) });
    const centre = await page.evaluate(() => (window as unknown as { __fulvMap: { getCenter(): { lng: number; lat: number } } }).__fulvMap.getCenter());
    expect(centre.lng).toBeGreaterThan(w!);
    expect(centre.lng).toBeLessThan(e!);
    expect(centre.lat).toBeGreaterThan(s!);
    expect(centre.lat).toBeLessThan(n!);

    // Escape closes the list without choosing, and leaves the text.
    await box.fill('铁矿');
    await box.press('ArrowDown');
    await box.press('Escape');
    await expect(results.isVisible()).resolves.toBe(false);
    await expect(box.inputValue()).resolves.toBe('铁矿');
  });
});
