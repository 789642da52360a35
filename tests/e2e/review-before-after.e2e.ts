// Before and after, in the browser: picking a date before and on the day of a treatment changes
// what the map shows; a period shows its own work apart from earlier work, with what it brought
// checked against sums of the data files; and the swipe shows both states at once, the earlier left of the divider
// and the later right of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp, waitForMapIdle } from './browser.ts';
import { mapShot, shareChanged } from './map-pixels.ts';
import { columns, dayAfter, dayBefore, frame, openReview, waitForCompareIdle } from './review-helpers.ts';
import { parseNumber } from './survey-helpers.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

const programme = demoProgramme();
// The largest treated polygon, so that it fills much of the view when framed.
const target = [...programme.treated.features].sort((a, b) => equalAreaReference(b.geometry) - equalAreaReference(a.geometry))[0]!;
const treatedDay = target.properties.date;

type Rendered = { queryRenderedFeatures(o: { layers: string[] }): { properties: { id: string } }[] };
type RenderedWith = { queryRenderedFeatures(o: { layers: string[] }): { properties: { id: string; in_period?: boolean } }[] };
/** Whether the map draws the polygon as done within the period (null: no period shown). */
const inPeriodOnMap = (page: Page, id: string): Promise<boolean | null> => page.evaluate((wanted) => {
  const found = (window as unknown as { __fulvMap: RenderedWith }).__fulvMap.queryRenderedFeatures({ layers: ['treated-fill'] }).find((f) => f.properties.id === wanted);
  return found?.properties.in_period ?? null;
}, id);
const treatedOnMap = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __fulvMap: Rendered }).__fulvMap.queryRenderedFeatures({ layers: ['treated-fill'] }).map((f) => f.properties.id));

describe('before and after', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await openReview(page);
    await frame(page, target.geometry);
    await waitForMapIdle(page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a treated polygon on the day of its treatment and not the day before', async () => {
    const date = page.getByLabel('查看日期');
    await date.fill(dayBefore(treatedDay));
    await expect.poll(() => page.getByRole('status').filter({ hasText: '当天结束时' }).textContent()).toContain(dayBefore(treatedDay));
    await waitForMapIdle(page);
    expect(await treatedOnMap(page)).not.toContain(target.properties.id);
    const before = await mapShot(page, '计划地图');

    await date.fill(treatedDay);
    await expect.poll(() => treatedOnMap(page)).toContain(target.properties.id);
    await waitForMapIdle(page);
    const after = await mapShot(page, '计划地图');
    // The polygon fills a good part of the framed view.
    expect(shareChanged(before, after)).toBeGreaterThan(0.05);

    await page.getByRole('button', { name: '回到当前' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '地图显示当前状态' }).count()).toBe(1);
  });

  it('shows a period: work done within it in full colour, earlier work faded, and what it brought', async () => {
    const year = treatedDay.slice(0, 4);
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const done = programme.treated.features.filter((f) => f.properties.date >= from && f.properties.date <= to);
    const doneMu = done.reduce((sum, f) => sum + equalAreaReference(f.geometry), 0) * 15 / 10000;
    await page.getByLabel('查看日期').fill(to);
    await page.getByLabel(/时段起始日期/).fill(from);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '时段' }).textContent()).toContain(`${from} 至 ${to}`);
    const figure = async (name: string) => (await page.locator(`[data-figure=${name}]`).textContent())!;
    expect(Number(await figure('period-treated'))).toBe(done.length);
    expect(parseNumber((await figure('period-treated-area')).split('亩')[0]!)).toBeCloseTo(doneMu, 0);
    await waitForMapIdle(page);
    expect(await inPeriodOnMap(page, target.properties.id)).toBe(true);
    const full = await mapShot(page, '计划地图');

    // Starting the period the day after the treatment fades the polygon.
    await page.getByLabel(/时段起始日期/).fill(dayAfter(treatedDay));
    await expect.poll(() => inPeriodOnMap(page, target.properties.id)).toBe(false);
    await waitForMapIdle(page);
    expect(shareChanged(full, await mapShot(page, '计划地图'))).toBeGreaterThan(0.05);

    // A period that starts after its end is refused, and the map shows the end date alone.
    await page.getByLabel(/时段起始日期/).fill(`${Number(year) + 1}-01-01`);
    expect(await page.getByRole('alert').filter({ hasText: '时段起始日期晚于查看日期' }).count()).toBe(1);
    await expect.poll(() => inPeriodOnMap(page, target.properties.id)).toBe(null);

    await page.getByRole('button', { name: '回到当前' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '地图显示当前状态' }).count()).toBe(1);
    expect(await page.getByLabel(/时段起始日期/).inputValue()).toBe('');
  });

  it('swipes between the two dates, showing both at once', async () => {
    await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
    const swipe = page.getByRole('region', { name: '治理前后对比' });
    await swipe.getByLabel('前一日期').fill(dayBefore(treatedDay));
    await swipe.getByLabel('后一日期').fill(treatedDay);
    await waitForCompareIdle(page);
    const slider = swipe.getByRole('slider', { name: '卷帘位置' });
    expect(await slider.inputValue()).toBe('50');
    const both = await mapShot(page, '对比地图');
    await slider.focus();
    await page.keyboard.press('End'); // all "before"
    await waitForCompareIdle(page);
    const allBefore = await mapShot(page, '对比地图');
    await page.keyboard.press('Home'); // all "after"
    await waitForCompareIdle(page);
    const allAfter = await mapShot(page, '对比地图');

    // Leave out a band around the divider and the corners with the date labels and controls.
    const w = both.width;
    const left = (s: typeof both) => columns(s, Math.round(w * 0.1), Math.round(w * 0.45));
    const right = (s: typeof both) => columns(s, Math.round(w * 0.55), Math.round(w * 0.9));
    expect(shareChanged(left(allBefore), left(allAfter))).toBeGreaterThan(0.03);
    expect(shareChanged(right(allBefore), right(allAfter))).toBeGreaterThan(0.03);
    expect(shareChanged(left(both), left(allBefore))).toBeLessThan(0.002);
    expect(shareChanged(right(both), right(allAfter))).toBeLessThan(0.002);

    await swipe.getByRole('button', { name: '关闭对比' }).click();
    await expect.poll(() => page.getByRole('region', { name: '对比地图' }).count()).toBe(0);
  });
});
