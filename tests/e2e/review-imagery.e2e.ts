// Imagery files in the swipe, in the browser: before/after imagery made by independent tools —
// GeoTIFFs by GDAL (lon/lat CGCS2000 and a Gauss-Krüger zone), an MBTiles by GDAL's MBTiles
// driver, a raster PMTiles by the tests' own writer — each a plain colour over a demo mine. Each
// is opened on one side of the swipe; the screenshot shows the before colour left of the divider
// and the after colour right of it, and all of one when the divider is moved to an end. A
// corrupt, a vector and an unknown-CRS file are refused with their reason and change nothing
// shown. The file last shown is kept in the browser across a reload. No request leaves the app's
// origin.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, loadApp, openApp } from './browser.ts';
import { mapShot, shareUnlike, type Shot } from './map-pixels.ts';
import { columns, openReview, waitForCompareIdle } from './review-helpers.ts';
import { cs2cs } from '../helpers/gdal.ts';
import { gdalGeotiff, gdalMbtiles, gdalVectorMbtiles, pngOf, rgbOf } from '../helpers/imagery/gdal-imagery.ts';
import { basemapFixture } from '../helpers/pmtiles/basemap-fixture.ts';
import { rasterArchive } from '../helpers/pmtiles/raster-archive.ts';

const baseUrl = inject('baseUrl');
/** Around 柳河铁矿 (QA-M04, 118.5136°E 40.1082°N). */
const BOUNDS: [number, number, number, number] = [118.503, 40.1, 118.524, 40.116];
const RED = '#d32f2f', BLUE = '#1e40c8', GREEN = '#1b9e3e', YELLOW = '#f5c518';

type FileSpec = { name: string; buffer: Buffer };

function fixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'fulv-imagery-e2e-'));
  const solid = (hex: string) => pngOf(64, 64, () => rgbOf(hex));
  const [w, s, e, n] = BOUNDS;
  const ullr = [w, n, e, s] as const;
  const red = gdalGeotiff(dir, 'before-4490.tif', solid(RED), 'EPSG:4490', ullr);
  const blue = gdalMbtiles(dir, 'after.mbtiles', gdalGeotiff(dir, 'blue.tif', solid(BLUE), 'EPSG:4490', ullr));
  // The same place in CGCS2000 / 3° Gauss-Krüger zone 39: cs2cs gives (northing, easting).
  const gk = cs2cs('EPSG:4490', 'EPSG:4527', [[n, w], [s, e]]);
  const green = gdalGeotiff(dir, 'before-gk39.tif', solid(GREEN), 'EPSG:4527', [gk[0]![1], gk[0]![0], gk[1]![1], gk[1]![0]]);
  const utm = gdalGeotiff(dir, 'utm50.tif', solid(GREEN), 'EPSG:32650', [400_000, 4_440_000, 402_000, 4_438_000]);
  const vectorMbtiles = gdalVectorMbtiles(dir, 'roads.mbtiles');
  const file = (path: string, name = path.split('/').at(-1)!): FileSpec => ({ name, buffer: readFileSync(path) });
  return {
    red: file(red), blue: file(blue), green: file(green), utm: file(utm), vectorMbtiles: file(vectorMbtiles),
    yellow: { name: 'after.pmtiles', buffer: Buffer.from(rasterArchive(YELLOW, BOUNDS, [10, 14])) },
    vectorPmtiles: { name: 'county.pmtiles', buffer: Buffer.from(basemapFixture()) },
    corrupt: { name: 'cut.tif', buffer: readFileSync(red).subarray(0, 300) },
  };
}

function shareLike(shot: Shot, hex: string): number {
  return 1 - shareUnlike(shot, hex, 24);
}

/** A band of each half of the comparison, away from the divider and the corner labels. */
function halves(shot: Shot): { left: Shot; right: Shot } {
  const w = shot.width;
  return { left: columns(shot, Math.round(w * 0.2), Math.round(w * 0.45)), right: columns(shot, Math.round(w * 0.55), Math.round(w * 0.8)) };
}

async function open(swipe: Locator, side: 'left' | 'right', file: FileSpec): Promise<void> {
  await swipe.getByLabel(`打开${side === 'left' ? '左' : '右'}侧影像文件（PMTiles/MBTiles/GeoTIFF）`).setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

describe('imagery files in the before/after swipe', () => {
  let browser: Browser;
  let page: Page;
  let swipe: Locator;
  const files = fixtures();
  const outside: string[] = [];

  const shot = async () => {
    await waitForCompareIdle(page);
    return mapShot(page, '对比地图');
  };
  /** Two zooms closer than "zoom to imagery", so that the imagery fills the comparison. */
  const closer = () => page.evaluate(() => {
    const map = (window as unknown as { __fulvCompare: { before: { jumpTo(o: object): void; getZoom(): number } } }).__fulvCompare.before;
    map.jumpTo({ zoom: map.getZoom() + 2 });
  });
  const divider = async (key: 'End' | 'Home' | null) => {
    const slider = swipe.getByRole('slider', { name: '卷帘位置' });
    await slider.focus();
    if (key) await page.keyboard.press(key);
    else await slider.fill('50');
  };

  /** A page of its own (a new browser context: nothing kept from another test) with the swipe's imagery open. */
  async function openSwipe(): Promise<void> {
    ({ page } = await openApp({
      browser,
      watch: (p) => p.on('request', (r) => {
        if (!r.url().startsWith(new URL(baseUrl).origin) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
      }),
    }));
    await openReview(page);
    await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
    swipe = page.getByRole('region', { name: '治理前后对比' });
    await waitForCompareIdle(page);
    await swipe.getByText('前后影像（可选）').click();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await openSwipe();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a GDAL GeoTIFF before and a GDAL MBTiles after, each on its side of the divider', async () => {
    await open(swipe, 'left', files.red);
    await expect(swipe.getByRole('status', { name: '左侧影像文件' }).textContent()).resolves.toMatch(/^“before-4490\.tif”：GeoTIFF（EPSG:4490），\d+–\d+ 级/);
    await open(swipe, 'right', files.blue);
    await expect(swipe.getByRole('status', { name: '右侧影像文件' }).textContent()).resolves.toMatch(/^“after\.mbtiles”：MBTiles（PNG），\d+(–\d+)? 级/);

    await swipe.getByRole('button', { name: '缩放到左侧影像的范围' }).click();
    const view = await page.evaluate(() => {
      const maps = (window as unknown as { __fulvCompare: Record<'before' | 'after', { getCenter(): { lng: number; lat: number } }> }).__fulvCompare;
      return [maps.before.getCenter(), maps.after.getCenter()];
    });
    for (const c of view) {
      expect(c.lng).toBeCloseTo((BOUNDS[0] + BOUNDS[2]) / 2, 3);
      expect(c.lat).toBeCloseTo((BOUNDS[1] + BOUNDS[3]) / 2, 3);
    }

    await closer();
    const both = halves(await shot());
    expect(shareLike(both.left, RED)).toBeGreaterThan(0.5);
    expect(shareLike(both.left, BLUE)).toBeLessThan(0.02);
    expect(shareLike(both.right, BLUE)).toBeGreaterThan(0.5);
    expect(shareLike(both.right, RED)).toBeLessThan(0.02);

    await divider('End'); // all "before"
    expect(shareLike(halves(await shot()).right, RED)).toBeGreaterThan(0.5);
    await divider('Home'); // all "after"
    expect(shareLike(halves(await shot()).left, BLUE)).toBeGreaterThan(0.5);
    await divider(null);
  });

  it('refuses a corrupt, a vector and an unknown-CRS file, each with its reason, keeping what is shown', async () => {
    const alert = (name: string) => swipe.getByRole('alert').filter({ hasText: `“${name}”` }).textContent();
    await open(swipe, 'left', files.corrupt);
    await expect(alert('cut.tif')).resolves.toBe('无法使用“cut.tif”：文件已损坏或不完整');
    await open(swipe, 'left', files.vectorPmtiles);
    await expect(alert('county.pmtiles')).resolves.toBe('无法使用“county.pmtiles”：这是矢量瓦片（底图数据），不是影像');
    await open(swipe, 'right', files.vectorMbtiles);
    await expect(alert('roads.mbtiles')).resolves.toBe('无法使用“roads.mbtiles”：这是矢量瓦片（底图数据），不是影像');
    await open(swipe, 'left', files.utm);
    await expect(alert('utm50.tif')).resolves.toMatch(/^无法使用“utm50\.tif”：坐标系不受支持/);

    await expect(swipe.getByRole('status', { name: '左侧影像文件' }).textContent()).resolves.toContain('before-4490.tif');
    await expect(swipe.getByRole('status', { name: '右侧影像文件' }).textContent()).resolves.toContain('after.mbtiles');
    const still = halves(await shot());
    expect(shareLike(still.left, RED)).toBeGreaterThan(0.5);
    expect(shareLike(still.right, BLUE)).toBeGreaterThan(0.5);
  });

  it('shows a Gauss-Krüger GeoTIFF before and a raster PMTiles after, and removes a file', async () => {
    await open(swipe, 'left', files.green);
    await expect(swipe.getByRole('status', { name: '左侧影像文件' }).filter({ hasText: 'gk39' }).textContent()).resolves.toMatch(/^“before-gk39\.tif”：GeoTIFF（EPSG:4527）/);
    await open(swipe, 'right', files.yellow);
    await expect(swipe.getByRole('status', { name: '右侧影像文件' }).filter({ hasText: 'pmtiles' }).textContent()).resolves.toMatch(/^“after\.pmtiles”：PMTiles（PNG），10–14 级/);
    expect(await swipe.getByRole('alert').count()).toBe(0);

    const both = halves(await shot());
    expect(shareLike(both.left, GREEN)).toBeGreaterThan(0.5);
    expect(shareLike(both.left, RED)).toBeLessThan(0.02);
    expect(shareLike(both.right, YELLOW)).toBeGreaterThan(0.5);
    expect(shareLike(both.right, BLUE)).toBeLessThan(0.02);

    await swipe.getByRole('button', { name: '移除右侧影像文件' }).click();
    await expect(swipe.getByRole('textbox', { name: '右侧影像瓦片地址' }).isVisible()).resolves.toBe(true);
    expect(shareLike(halves(await shot()).right, YELLOW)).toBeLessThan(0.02);
  });

  it('keeps the file still shown in the browser: after a reload it is there again, the removed one is not', async () => {
    await page.context().close();
    await openSwipe();
    await open(swipe, 'left', files.green);
    await swipe.getByRole('status', { name: '左侧影像文件' }).filter({ hasText: 'gk39' }).waitFor();
    await open(swipe, 'right', files.yellow);
    await swipe.getByRole('status', { name: '右侧影像文件' }).filter({ hasText: 'pmtiles' }).waitFor();
    await swipe.getByRole('button', { name: '移除右侧影像文件' }).click();
    await swipe.getByRole('textbox', { name: '右侧影像瓦片地址' }).waitFor();

    await page.reload();
    await loadApp(page, baseUrl);
    await openReview(page);
    await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
    await swipe.getByText('前后影像（可选）').click();
    await expect(swipe.getByRole('status', { name: '左侧影像文件' }).textContent()).resolves.toMatch(/^“before-gk39\.tif”：GeoTIFF（EPSG:4527）.*已保存在浏览器中/);
    expect(await swipe.getByRole('status', { name: '右侧影像文件' }).count()).toBe(0);
    await swipe.getByRole('button', { name: '缩放到左侧影像的范围' }).click();
    await closer();
    await divider('End');
    const shown = halves(await shot());
    expect(shareLike(shown.left, GREEN)).toBeGreaterThan(0.5);
    expect(shareLike(shown.right, GREEN)).toBeGreaterThan(0.5);
    expect(outside).toEqual([]);
  });
});
