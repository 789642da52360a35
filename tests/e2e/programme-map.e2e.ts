// The first screen, as a user meets it: the demo programme on a map, layer toggles, the
// inspector with ellipsoidal areas, search, languages, and no request outside the app's origin.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pointOnFeature from '@turf/point-on-feature';
import { launchBrowser, openApp, screenPoint, waitForMapIdle } from './browser.ts';
import { PNG } from 'pngjs';
import { mapShot, shareChanged, shareUnlike } from './map-pixels.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';
import { BACKGROUND_COLOUR, SELECTION_LINE } from '../../src/map/palette.ts';

const baseUrl = inject('baseUrl');
const programme = demoProgramme();

function isOwnOrigin(url: string): boolean {
  return url.startsWith(new URL(baseUrl).origin) || url.startsWith('data:') || url.startsWith('blob:');
}

/** An untreated parcel (nothing drawn above it), the largest, so a click on it is unambiguous. */
function untreatedParcel() {
  const treatedParcels = new Set(programme.treated.features.map((f) => f.properties.parcel_id));
  const candidates = programme.parcels.features.filter((f) => f.properties.status === 'untreated' && !treatedParcels.has(f.properties.id));
  candidates.sort((a, b) => equalAreaReference(b.geometry) - equalAreaReference(a.geometry));
  return candidates[0]!;
}

async function searchAndPick(page: Page, query: string, resultName: RegExp | string) {
  await page.getByRole('combobox', { name: /搜索矿山或图斑|Search mines or parcels/ }).fill(query);
  await page.getByRole('listbox', { name: /搜索结果|Search results/ }).getByRole('option', { name: resultName }).first().click();
  await page.waitForFunction(() => !(window as unknown as { __fulvMap: { isMoving(): boolean } }).__fulvMap.isMoving());
  await waitForMapIdle(page);
}

function parseNumber(text: string): number {
  return Number(text.replace(/[,\s]/g, ''));
}

describe('the programme map', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openApp({ browser, watch: (p) => p.on('request', (r) => requests.push(r.url())) }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the programme on the map', async () => {
    // Parcels, zones, buffers and treated polygons cover a good part of the programme's extent
    // (the buffers arrive from the analysis worker a moment after the rest).
    await expect.poll(async () => shareUnlike(await mapShot(page, '计划地图'), BACKGROUND_COLOUR), { timeout: 30_000 }).toBeGreaterThan(0.1);
    await expect(page.getByRole('status').filter({ hasText: '座矿山' }).textContent()).resolves.toContain(`${programme.mines.length} 座矿山`);
  });

  it('hides and shows a layer group from the layer panel', async () => {
    const panel = page.getByRole('region', { name: '图层面板' });
    const parcels = panel.getByRole('checkbox', { name: '矿山图斑' });
    const before = await mapShot(page, '计划地图');
    await parcels.uncheck();
    await waitForMapIdle(page);
    const hidden = await mapShot(page, '计划地图');
    await parcels.check();
    await waitForMapIdle(page);
    const shown = await mapShot(page, '计划地图');
    // At the whole-county view the parcels are small: about 1% of the map's pixels.
    expect(shareChanged(before, hidden)).toBeGreaterThan(0.004);
    expect(shareChanged(before, shown)).toBeLessThan(0.002);
    for (const name of ['治理图斑', '三区两线保护区', '保护缓冲区']) {
      const box = panel.getByRole('checkbox', { name });
      await box.uncheck();
      await waitForMapIdle(page);
      expect(shareChanged(shown, await mapShot(page, '计划地图')), name).toBeGreaterThan(0.001);
      await box.check();
    }
  });

  it('shows a clicked parcel with its mine and its ellipsoidal area', async () => {
    const parcel = untreatedParcel();
    await searchAndPick(page, parcel.properties.id, new RegExp(parcel.properties.id));
    await page.getByRole('button', { name: '关闭属性面板' }).click();
    await waitForMapIdle(page);
    const inside = pointOnFeature(parcel).geometry.coordinates as [number, number];
    const { x, y } = await screenPoint(page, inside);
    await page.mouse.click(x, y);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await expect(inspector.getByRole('heading', { name: '矿山图斑' }).isVisible()).resolves.toBe(true);
    await expect(inspector.getByText(parcel.properties.id, { exact: true }).isVisible()).resolves.toBe(true);
    const mine = programme.mines.find((m) => m.id === parcel.properties.mine_id)!;
    await expect(inspector.getByRole('region', { name: '所属矿山' }).getByText(mine.name, { exact: true }).isVisible()).resolves.toBe(true);

    const reference = equalAreaReference(parcel.geometry);
    const area = inspector.getByRole('region', { name: '面积（椭球面）' });
    const m2 = parseNumber((await area.locator('[data-unit="m2"]').textContent())!);
    const mu = parseNumber((await area.locator('[data-unit="mu"]').textContent())!);
    const ha = parseNumber((await area.locator('[data-unit="ha"]').textContent())!);
    expect(Math.abs(m2 - reference)).toBeLessThanOrEqual(1);
    expect(Math.abs(mu - (reference * 15) / 10000)).toBeLessThanOrEqual(0.006);
    expect(Math.abs(ha - reference / 10000)).toBeLessThanOrEqual(0.00006);
  });

  it('keeps the selected parcel in sight zoomed out, where outlines are not drawn', async () => {
    // Follows the test above: its parcel is selected. At zoom 10 the parcel is a few pixels
    // across and no outline is drawn; the selection's halo (a dark line in a white one) is drawn at
    // every zoom, and goes with the selection.
    const inside = pointOnFeature(untreatedParcel()).geometry.coordinates as [number, number];
    const darkAroundParcel = async (): Promise<number> => {
      await page.evaluate((c) => {
        (window as unknown as { __fulvMap: { jumpTo(o: object): void } }).__fulvMap.jumpTo({ center: c, zoom: 10 });
      }, inside);
      await waitForMapIdle(page);
      const { x, y } = await screenPoint(page, inside);
      const png = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(x) - 20, y: Math.round(y) - 20, width: 41, height: 41 } }));
      const line = [1, 3, 5].map((i) => parseInt(SELECTION_LINE.slice(i, i + 2), 16));
      let dark = 0;
      for (let i = 0; i < png.data.length; i += 4) if (Math.hypot(...line.map((v, k) => v - png.data[i + k]!)) < 60) dark++;
      return dark;
    };
    await page.mouse.move(1, 1);
    const selected = await darkAroundParcel();
    await page.getByRole('button', { name: '关闭属性面板' }).click();
    const unselected = await darkAroundParcel();
    expect(selected).toBeGreaterThan(20);
    expect(unselected).toBeLessThan(5);
  });

  it('finds a mine by name and flies to it', async () => {
    const mine = programme.mines[programme.mines.length - 1]!;
    await searchAndPick(page, mine.name.slice(0, 4), mine.name);
    const center = await page.evaluate(() => (window as unknown as { __fulvMap: { getCenter(): { lng: number; lat: number } } }).__fulvMap.getCenter());
    const own = programme.parcels.features.filter((f) => f.properties.mine_id === mine.id);
    const coords = own.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2));
    const lons = coords.map((c) => c[0]!);
    const lats = coords.map((c) => c[1]!);
    expect(center.lng).toBeGreaterThan(Math.min(...lons) - 0.005);
    expect(center.lng).toBeLessThan(Math.max(...lons) + 0.005);
    expect(center.lat).toBeGreaterThan(Math.min(...lats) - 0.005);
    expect(center.lat).toBeLessThan(Math.max(...lats) + 0.005);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await expect(inspector.getByRole('region', { name: '所属矿山' }).getByText(mine.name, { exact: true }).isVisible()).resolves.toBe(true);
  });

  it('made no request outside its own origin', () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !isOwnOrigin(u))).toEqual([]);
  });
});

describe('languages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens in English with ?lang=en', async () => {
    const { page } = await openApp({ browser, query: '?lang=en' });
    await expect(page.getByRole('heading', { name: 'Layers' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Mine parcels' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Programme map' }).isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.getByText('图层', { exact: true }).count()).resolves.toBe(0);
  });

  it('switches language from the interface', async () => {
    const { page } = await openApp({ browser });
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Legend' }).isVisible()).resolves.toBe(true);
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('zh');
    await expect(page.getByRole('heading', { name: '图例' }).isVisible()).resolves.toBe(true);
  });
});
