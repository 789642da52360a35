// The planner's view, as a planner uses it: the conflict list (sorted, filtered), a click that
// shows the parcel and its overlap on the map, buffer distances edited live or by preset, and
// saved presets. Figures are checked against an independent overlay of the demo files.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForMapIdle } from './browser.ts';
import { mapShot, shareChanged, type Shot } from './map-pixels.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { zonePolygonOverlaps } from '../helpers/zone-overlap-reference.ts';
import { ZONE_TYPES } from '../../src/domain/model.ts';

const programme = demoProgramme();
const M2_PER_MU = 10000 / 15;

function parseNumber(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}

/** The list's rows as the planner reads them: parcel id, overlap (亩) and share (%). */
async function readRows(list: Locator): Promise<{ id: string; mu: number; share: number }[]> {
  return list.locator('tbody tr').evaluateAll((rows) => rows.map((row) => ({
    id: row.querySelector('.sub')!.textContent!.split(' · ')[0]!,
    mu: Number(row.querySelector('[data-column=overlap]')!.textContent!.replace(/[^\d.]/g, '')),
    share: Number(row.querySelector('[data-column=share]')!.textContent!.replace(/[^\d.]/g, '')),
  })));
}

async function waitForFigures(page: Page): Promise<void> {
  await page.getByRole('region', { name: '冲突图斑' }).and(page.locator('[aria-busy=false]')).waitFor();
}

async function setDistance(page: Page, zoneLabel: string, metres: string): Promise<void> {
  await page.getByRole('spinbutton', { name: `${zoneLabel}缓冲距离（米）` }).fill(metres);
}

function redShare(shot: Shot): number {
  let red = 0;
  for (let i = 0; i < shot.data.length; i += 4) {
    const [r, g, b] = [shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!];
    if (r - g > 150 && r - b > 150) red++;
  }
  return red / (shot.width * shot.height);
}

function isDescending(values: number[]): boolean {
  return values.every((v, i) => i === 0 || values[i - 1]! >= v);
}

describe('the planner panel', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await context?.close();
    ({ context, page } = await openApp({ browser }));
    await page.getByRole('tab', { name: '冲突分析' }).click();
    await page.getByRole('region', { name: '冲突图斑' }).waitFor();
    await waitForFigures(page);
  });

  it('lists the parcels in conflict, sorted by overlap or share, and filtered', async () => {
    const list = page.getByRole('region', { name: '冲突图斑' });
    const rows = await readRows(list);
    expect(rows.length).toBeGreaterThan(5);
    expect(isDescending(rows.map((r) => r.mu))).toBe(true);

    await list.getByRole('button', { name: '按重叠比例排序' }).click();
    expect(isDescending((await readRows(list)).map((r) => r.share))).toBe(true);
    await list.getByRole('button', { name: '按重叠比例排序' }).click();
    const ascending = (await readRows(list)).map((r) => r.share);
    expect(isDescending([...ascending].reverse())).toBe(true);
    expect(ascending[0]).toBeLessThan(ascending.at(-1)!);

    await list.getByRole('combobox', { name: '保护区类型' }).selectOption({ label: '河流湖泊' });
    const river = await readRows(list);
    expect(river.length).toBeGreaterThan(0);
    expect(river.length).toBeLessThan(rows.length);
    for (const text of await list.locator('tbody tr').allTextContents()) expect(text).toContain('河流湖泊');

    const township = programme.townships[0]!;
    await list.getByRole('combobox', { name: '保护区类型' }).selectOption({ label: '全部' });
    await list.getByRole('combobox', { name: '乡镇' }).selectOption({ label: township.name });
    const mineTownship = new Map(programme.mines.map((m) => [m.id, m.township_id]));
    const parcelMine = new Map(programme.parcels.features.map((p) => [p.properties.id, p.properties.mine_id]));
    const inTownship = await readRows(list);
    expect(inTownship.length).toBeGreaterThan(0);
    for (const row of inTownship) expect(mineTownship.get(parcelMine.get(row.id)!)).toBe(township.id);
  });

  it('with zero buffers, reports each parcel’s overlap with the zones as an independent overlay does', async () => {
    const reference = zonePolygonOverlaps(programme);
    expect(reference.size).toBeGreaterThan(2);
    await page.getByText('缓冲距离 · 通用').click();
    for (const type of ZONE_TYPES) await setDistance(page, ({ nature_reserve: '自然保护区', water_source: '水源地保护区', scenic_area: '景观区/风景名胜区', residential_area: '居民集中生活区', traffic_line: '重要交通干线', river_lake: '河流湖泊' })[type], '0');
    const list = page.getByRole('region', { name: '冲突图斑' });
    const expected = [...reference].filter(([, m2]) => m2 > 1);
    await expect.poll(async () => (await readRows(list)).length, { timeout: 30_000 }).toBe(expected.length);
    await waitForFigures(page);
    const rows = await readRows(list);
    for (const [id, m2] of expected) {
      const row = rows.find((r) => r.id === id);
      expect(row, id).toBeDefined();
      expect(Math.abs(row!.mu - m2 / M2_PER_MU), id).toBeLessThanOrEqual(0.006);
    }

    // The inspector's figure is in whole square metres: compare it more tightly.
    const [topId, topM2] = expected.sort((a, b) => b[1] - a[1])[0]!;
    const parcel = programme.parcels.features.find((p) => p.properties.id === topId)!;
    await list.getByRole('button', { name: `在地图上查看图斑 ${parcel.properties.name}（${topId}）` }).click();
    const figures = page.getByRole('complementary', { name: '属性' }).getByRole('region', { name: '与保护缓冲区重叠' });
    const text = await figures.locator('[data-figure=overlap]').textContent();
    const shownM2 = parseNumber(text!.split('（')[1]!);
    expect(Math.abs(shownM2 - topM2)).toBeLessThanOrEqual(1 + topM2 * 1e-5);
  });

  it('shows a listed parcel on the map with its overlap highlighted', async () => {
    const list = page.getByRole('region', { name: '冲突图斑' });
    const [top] = await readRows(list);
    const parcel = programme.parcels.features.find((p) => p.properties.id === top!.id)!;
    await list.getByRole('button', { name: `在地图上查看图斑 ${parcel.properties.name}（${top!.id}）` }).click();
    await page.waitForFunction(() => !(window as unknown as { __fulvMap: { isMoving(): boolean } }).__fulvMap.isMoving());
    await waitForMapIdle(page);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await expect(inspector.getByText(top!.id, { exact: true }).count()).resolves.toBeGreaterThan(0);
    const shown = parseNumber((await inspector.locator('[data-figure=overlap]').textContent())!.split(' ')[0]!);
    expect(shown).toBeCloseTo(top!.mu, 2);

    const highlighted = await mapShot(page, '计划地图');
    await inspector.getByRole('button', { name: '关闭属性面板' }).click();
    await waitForMapIdle(page);
    const plain = await mapShot(page, '计划地图');
    // The overlap is hatched in alarm red while the parcel is selected, and only then.
    expect(redShare(highlighted) - redShare(plain)).toBeGreaterThan(0.002);
  });

  it('recomputes figures and buffers live when a distance or preset changes, and remembers them', async () => {
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.getByRole('combobox', { name: '保护区类型' }).selectOption({ label: '河流湖泊' });
    const before = await readRows(list);
    await page.getByRole('tab', { name: '图层' }).click();
    const mapBefore = await mapShot(page, '计划地图');
    await page.getByRole('tab', { name: '冲突分析' }).click();

    await page.getByText('缓冲距离 · 通用').click();
    await page.getByRole('combobox', { name: '距离方案' }).selectOption({ label: '长江经济带' });
    await expect.poll(async () => (await readRows(list)).length, { timeout: 30_000 }).toBeGreaterThan(before.length);
    await waitForFigures(page);
    const widened = await readRows(list);
    // A wider river buffer can only add overlap, parcel by parcel.
    for (const row of before) expect(widened.find((r) => r.id === row.id)!.mu).toBeGreaterThanOrEqual(row.mu);

    await page.getByRole('tab', { name: '图层' }).click();
    await waitForMapIdle(page);
    expect(shareChanged(mapBefore, await mapShot(page, '计划地图'))).toBeGreaterThan(0.05);
    await expect(page.getByRole('region', { name: '图例' }).textContent()).resolves.toContain('河流湖泊 10000 米');

    await page.getByRole('tab', { name: '冲突分析' }).click();
    await setDistance(page, '河流湖泊', '-5');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('河流湖泊：请输入 0 到 100000 之间的米数');
    await setDistance(page, '河流湖泊', '2500');
    await expect.poll(() => page.getByRole('combobox', { name: '距离方案' }).inputValue(), { timeout: 10_000 }).toBe('');
    await waitForFigures(page);
    await page.getByRole('textbox', { name: '新方案名称' }).fill('县级河道 2.5 公里');
    await page.getByRole('button', { name: '保存为方案' }).click();

    await page.reload();
    await page.getByRole('tab', { name: '冲突分析' }).click();
    await page.getByText(/^缓冲距离 · /).click();
    await expect(page.getByRole('spinbutton', { name: '河流湖泊缓冲距离（米）' }).inputValue()).resolves.toBe('2500');
    await expect(page.getByRole('combobox', { name: '距离方案' }).inputValue()).resolves.toBe('县级河道 2.5 公里');
    await page.getByRole('combobox', { name: '距离方案' }).selectOption({ label: '通用' });
    await waitForFigures(page);
    await page.getByRole('region', { name: '冲突图斑' }).getByRole('combobox', { name: '保护区类型' }).selectOption({ label: '河流湖泊' });
    await expect.poll(async () => (await readRows(list)).map((r) => r.id).sort(), { timeout: 30_000 }).toEqual(before.map((r) => r.id).sort());
  });
});
