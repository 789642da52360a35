// The import dialog as a new user meets it (issue 15): a file of 459 mine points and 3 boundaries
// whose rings repeat a vertex. The preview is drawn and zoomed to; cancelling leaves the map as it
// was (its layers, its camera, its pixels); the problems read as one line per kind, the notices
// first; importing closes the dialog with a summary, the boundaries are drawn by the parcels
// layer and nothing of the preview is left, not even the points that were not imported. The
// boundaries name mines the demo lacks: the preview says how many will be made, the summary that they were.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { mapShot, shareChanged, type Shot } from './map-pixels.ts';
import { scratchDir } from '../helpers/gdal.ts';
import { NOTICED, POINTS, pointsAndNotices } from '../helpers/points-and-notices.ts';

const FILES = '选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）';
const MAP = '计划地图';
const dir = scratchDir('e2e-import-dialog');
// To import: far from the demo programme, so that once the view is back nothing imported is in sight.
const WHERE: [number, number] = [120.6, 41.6];
const far = join(dir, 'far-mine-points.geojson');
writeFileSync(far, JSON.stringify(pointsAndNotices(...WHERE)));
/** To cancel: in the middle of the view, where a preview left behind would show. */
const near = join(dir, 'mine-points.geojson');

interface MapState { camera: number[]; layers: string[]; sources: string[] }

type Probe = {
  getCenter(): { lng: number; lat: number }; getZoom(): number; getBearing(): number; getPitch(): number;
  getStyle(): { layers: { id: string }[]; sources: Record<string, unknown> };
  queryRenderedFeatures(options: { layers: string[] }): { properties: { id?: string } }[];
  getLayer(id: string): unknown; jumpTo(options: object): void;
};

function mapState(page: Page): Promise<MapState> {
  return page.evaluate(() => {
    const map = (window as unknown as { __fulvMap: Probe }).__fulvMap;
    const c = map.getCenter();
    const style = map.getStyle();
    return { camera: [c.lng, c.lat, map.getZoom(), map.getBearing(), map.getPitch()], layers: style.layers.map((l) => l.id), sources: Object.keys(style.sources).sort() };
  });
}

/** Ids of the features drawn now by the given layers (those the style has). */
function drawn(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const map = (window as unknown as { __fulvMap: Probe }).__fulvMap;
    return map.queryRenderedFeatures({ layers: ids.filter((id) => map.getLayer(id)) }).map((f) => String(f.properties.id));
  }, layers);
}

const PREVIEW_LAYERS = ['imported-fill', 'imported-outline', 'imported-line', 'imported-point'];

function expectSameCamera(after: MapState, before: MapState): void {
  after.camera.forEach((v, i) => expect(v, `camera[${i}]`).toBeCloseTo(before.camera[i]!, 9));
}

function flows(screen: 'desktop' | 'phone') {
  const phone = screen === 'phone';
  let app: OpenedApp;
  let page: Page;
  let before: MapState;
  let shot: Shot;

  const click = (target: Locator) => (phone ? target.tap() : target.click());
  const importButton = () => page.getByRole('button', { name: '导入数据…' });
  const dialog = () => page.getByRole('dialog', { name: '导入数据' });

  async function openWithFile(file = near): Promise<Locator> {
    await click(importButton());
    await dialog().getByLabel(FILES).setInputFiles(file);
    const preview = dialog().getByRole('region', { name: '预览' });
    await expect(preview.locator('[data-figure=count]').textContent()).resolves.toBe(String(POINTS + NOTICED.length));
    // Only the boundaries can be parcels: the points' mine names make no mines.
    await expect(preview.locator('[data-figure=new-mines]').textContent()).resolves.toMatch(new RegExp(`^将新建 ${NOTICED.length} 个矿山（`));
    // The preview is zoomed to and drawn.
    await expect.poll(async () => (await mapState(page)).camera[2], { timeout: 15_000 }).not.toBeCloseTo(before.camera[2]!, 3);
    await waitForMapIdle(page);
    expect((await drawn(page, PREVIEW_LAYERS)).length).toBeGreaterThan(0);
    return preview;
  }

  async function expectMapAsBefore(): Promise<void> {
    await waitForMapIdle(page);
    const after = await mapState(page);
    expectSameCamera(after, before);
    expect(after.layers).toEqual(before.layers);
    expect(after.sources).toEqual(before.sources);
    expect(await drawn(page, PREVIEW_LAYERS)).toEqual([]);
    // Label placement may settle a few pixels differently; a leftover preview would be thousands.
    expect(shareChanged(await mapShot(page, MAP), shot)).toBeLessThan(0.002);
  }

  beforeAll(async () => {
    app = await openApp({ viewport: screen });
    page = app.page;
    if (phone) {
      // The import button is in the layers tab of the bottom sheet; open it half way first, so
      // that the map is photographed with the sheet where it stays.
      const sheet = page.getByRole('region', { name: '面板', exact: true });
      const handle = sheet.getByRole('button', { name: /面板高度/ });
      while (!/半屏/.test((await handle.getAttribute('aria-label')) ?? '')) await handle.tap();
      const tab = sheet.getByRole('tab', { name: '图层' });
      if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.tap();
      await importButton().scrollIntoViewIfNeeded();
    }
    // The buffers arrive from the analysis worker after the first idle; photograph the map with them.
    await page.getByText('缓冲区计算中…').waitFor({ state: 'detached', timeout: 30_000 });
    await waitForMapIdle(page);
    before = await mapState(page);
    shot = await mapShot(page, MAP);
    writeFileSync(near, JSON.stringify(pointsAndNotices(before.camera[0]!, before.camera[1]!)));
    expect(await drawn(page, PREVIEW_LAYERS)).toEqual([]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('cancelling leaves the map as it was: layers, camera and pixels', async () => {
    await openWithFile();
    // The premise: with the preview the map looks different.
    expect(shareChanged(await mapShot(page, MAP), shot)).toBeGreaterThan(0.01);
    await click(dialog().getByRole('button', { name: '取消', exact: true }));
    await dialog().waitFor({ state: 'hidden' });
    await expectMapAsBefore();
  });

  it('closing with × does the same', async () => {
    await openWithFile();
    await click(dialog().getByRole('button', { name: '关闭导入' }));
    await dialog().waitFor({ state: 'hidden' });
    await expectMapAsBefore();
  });

  if (!phone) {
    it('lists the 3 repeated-vertex notices first and the 459 points as one line', async () => {
      const preview = await openWithFile();
      const items = preview.getByRole('list').getByRole('listitem');
      await expect(items.count()).resolves.toBe(2);
      const [notices, points] = await items.allTextContents();
      expect(notices).toMatch(/^3 个要素：已删除重复顶点 如 B-1、B-2、B-3$/);
      expect(points).toMatch(/^459 个点被跳过：矿山图斑须为面/);
      // No English inside the Chinese lines, apart from the file's own feature numbers.
      expect(`${notices}${points}`.replace(/[BP]-\d+/g, '')).not.toMatch(/[A-Za-z]/);
      // Every point is listed behind the line, not the first 50.
      await click(items.nth(1).getByText('如 P-1、P-2、P-3等'));
      await expect(items.nth(1).locator('details p').textContent()).resolves.toMatch(/^P-1、P-2、.*、P-459$/);
      expect(((await items.nth(1).locator('details p').textContent())!.match(/P-\d+/g) ?? []).length).toBe(POINTS);
      await expect(preview.textContent()).resolves.not.toMatch(/另有|未列出|cannot|Point|repeated/);
      await click(dialog().getByRole('button', { name: '取消', exact: true }));
      await dialog().waitFor({ state: 'hidden' });
    });
  }

  it('importing closes the dialog with a summary; the parcels layer draws what came in and nothing of the preview stays', async () => {
    await openWithFile(far);
    await click(dialog().getByRole('button', { name: `导入 ${NOTICED.length} 个要素` }));
    await dialog().waitFor({ state: 'hidden' });
    const summary = page.getByRole('status', { name: '导入结果' });
    // Each boundary names a mine the demo lacks ('Mine Name', no 图斑小类): one new mine each, its category the default.
    const made = `，并新建 ${NOTICED.length} 个矿山（其中 ${NOTICED.length} 个无图斑小类，类别暂定为“废弃矿山”）`;
    await expect(summary.getByText(`已导入 ${NOTICED.length} 个要素到“矿山图斑”（跳过 ${POINTS} 个）${made}`, { exact: true }).isVisible()).resolves.toBe(true);
    // Focus is back on the button that opened the dialog.
    await expect(importButton().evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await click(summary.getByRole('button', { name: '关闭导入结果' }));
    await expect(summary.textContent()).resolves.toBe('');
    // Nothing imported is in the view the user had; the points that were not imported are not drawn.
    await expectMapAsBefore();
    // Where the boundaries are, the parcels layer draws them, the preview's layers nothing.
    await page.evaluate((center) => (window as unknown as { __fulvMap: Probe }).__fulvMap.jumpTo({ center, zoom: 13 }), [WHERE[0] + 0.01, WHERE[1] + 0.002]);
    await waitForMapIdle(page);
    await expect.poll(async () => [...new Set(await drawn(page, ['parcels-fill']))].sort(), { timeout: 15_000 }).toEqual(NOTICED);
    expect(await drawn(page, PREVIEW_LAYERS)).toEqual([]);
  });

  if (!phone) {
    it('the boundaries’ new mines are found by their names, and one undo removes them with the parcels', async () => {
      const search = page.getByRole('combobox', { name: '搜索矿山或图斑' });
      const found = async (): Promise<string[]> => {
        await search.fill('Boundary mine');
        const texts = await page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').allTextContents();
        return texts.filter((t) => t.startsWith('矿山')).map((t) => t.replace(/^矿山/, '').replace(/\s*M\d+$/, '').trim()).sort();
      };
      await expect.poll(found, { timeout: 10_000 }).toEqual(['Boundary mine 1', 'Boundary mine 2', 'Boundary mine 3']);
      const parcel = () => page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').filter({ hasText: 'B-1' });
      await search.fill('B-1');
      await expect.poll(() => parcel().count()).toBeGreaterThan(0);
      await search.fill('');
      await search.blur();
      await page.keyboard.press('Control+z');
      await expect.poll(found, { timeout: 10_000 }).toEqual([]);
      await search.fill('B-1');
      await expect(parcel().count()).resolves.toBe(0);
      await search.fill('');
    });
  }
}

describe('the import dialog on a desktop', () => flows('desktop'));
describe('the import dialog on a phone, by touch', () => flows('phone'));
