// After one visit the app works with no network: the service worker serves the app, its workers,
// GEOS, sql.js and the demo programme; the map shows the programme, a drawn polygon is saved, and
// it is still there after another reload with the network still off; an MBTiles file (read by
// sql.js) opened offline is drawn in the swipe.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { mapShot, shareUnlike } from './map-pixels.ts';
import { columns, openReview, waitForCompareIdle } from './review-helpers.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openSurvey } from './survey-helpers.ts';
import { gdalGeotiff, gdalMbtiles, pngOf, rgbOf } from '../helpers/imagery/gdal-imagery.ts';
import { BACKGROUND_COLOUR } from '../../src/map/palette.ts';


type MapHandle = { jumpTo(o: object): void; getCanvas(): HTMLCanvasElement; queryRenderedFeatures(p: [number, number], o: object): unknown[] };

async function treatedCount(page: Page): Promise<number> {
  const text = await page.getByRole('status').filter({ hasText: '座矿山' }).textContent();
  return Number(/(\d+) 个治理图斑/.exec(text ?? '')![1]);
}

async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
  await waitForMapIdle(page);
}

describe('the app offline', () => {
  let app: OpenedApp;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    ({ context, page } = app);
    // Installed and activated means every file is precached.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts with the network off, shows the programme, keeps a new polygon over another offline reload', async () => {
    await context.setOffline(true);
    await reloadOffline(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(async () => shareUnlike(await mapShot(page, '计划地图'), BACKGROUND_COLOUR), { timeout: 30_000 }).toBeGreaterThan(0.1);
    const before = await treatedCount(page);

    await openSurvey(page);
    const centre = await goToEmptyGround(page, [118.64, 39.95]);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    await clickPolygon(page, await mapOffsets(page, [[-60, -50], [60, -50], [60, 50], [-60, 50]]));
    await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
    expect(await treatedCount(page)).toBe(before + 1);

    // The analysis (worker + GEOS) runs offline too.
    await page.getByRole('tab', { name: '冲突分析' }).click();
    await page.getByRole('region', { name: '冲突图斑' }).getByRole('status').filter({ hasText: /个图斑/ }).waitFor({ timeout: 30_000 });

    await reloadOffline(page);
    expect(await treatedCount(page)).toBe(before + 1);
    await page.evaluate((c) => { (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c, zoom: 16 }); }, centre);
    await waitForMapIdle(page);
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { __fulvMap: MapHandle }).__fulvMap;
      const canvas = map.getCanvas();
      return map.queryRenderedFeatures([canvas.clientWidth / 2, canvas.clientHeight / 2], { layers: ['treated-fill'] }).length;
    });
    expect(drawn).toBe(1);
  });

  it('opens an MBTiles file offline (sql.js from the cache) and draws it in the swipe', async () => {
    // A plain blue MBTiles made by GDAL around 柳河铁矿 (QA-M04).
    const dir = mkdtempSync(join(tmpdir(), 'fulv-offline-mbtiles-'));
    const [w, s, e, n] = [118.503, 40.1, 118.524, 40.116];
    const blue = '#1e40c8';
    const tif = gdalGeotiff(dir, 'blue.tif', pngOf(64, 64, () => rgbOf(blue)), 'EPSG:4490', [w, n, e, s]);
    const mbtiles = readFileSync(gdalMbtiles(dir, 'after.mbtiles', tif));

    await context.setOffline(true);
    await reloadOffline(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await openReview(page);
    await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
    const swipe = page.getByRole('region', { name: '治理前后对比' });
    await waitForCompareIdle(page);
    await swipe.getByText('前后影像（可选）').click();
    await swipe.getByLabel('打开右侧影像文件（PMTiles/MBTiles/GeoTIFF）').setInputFiles({ name: 'after.mbtiles', mimeType: 'application/octet-stream', buffer: mbtiles });
    await expect.poll(() => swipe.getByRole('status', { name: '右侧影像文件' }).textContent(), { timeout: 30_000 }).toMatch(/^“after\.mbtiles”：MBTiles（PNG），\d+(–\d+)? 级/);
    await swipe.getByRole('button', { name: '缩放到右侧影像的范围' }).click();
    // Two zooms closer, so that the imagery fills the comparison; the divider at the left end shows all "after".
    await page.evaluate(() => {
      const map = (window as unknown as { __fulvCompare: { before: { jumpTo(o: object): void; getZoom(): number } } }).__fulvCompare.before;
      map.jumpTo({ zoom: map.getZoom() + 2 });
    });
    const slider = swipe.getByRole('slider', { name: '卷帘位置' });
    await slider.focus();
    await page.keyboard.press('Home');
    await waitForCompareIdle(page);
    const shot = await mapShot(page, '对比地图');
    const middle = columns(shot, Math.round(shot.width * 0.2), Math.round(shot.width * 0.8));
    expect(1 - shareUnlike(middle, blue, 24)).toBeGreaterThan(0.5);
  });
});
