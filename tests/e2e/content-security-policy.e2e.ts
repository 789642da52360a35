// The built app's Content-Security-Policy in the browser. The server sends the headers (CSP with
// frame-ancestors, nosniff); the page narrows connections and images to its own origin plus the
// online basemap the user configured. Using the map, the analysis (worker + GEOS WebAssembly),
// an import (worker), offline basemaps (PMTiles protocol), swipe imagery (PMTiles, and MBTiles
// through sql.js WebAssembly), the mine file and its export, the service worker and an online
// basemap breaks no rule; an
// injected inline script does not run, and a fetch to an origin not configured is refused.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadApp, openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { openReview, waitForCompareIdle } from './review-helpers.ts';
import { serveTiles, type Running } from './static-server.ts';
import { gdalGeotiff, gdalMbtiles, pngOf, rgbOf } from '../helpers/imagery/gdal-imagery.ts';
import { basemapFixture } from '../helpers/pmtiles/basemap-fixture.ts';
import { rasterArchive } from '../helpers/pmtiles/raster-archive.ts';
import { demoProgramme } from '../helpers/demo-files.ts';

const baseUrl = inject('baseUrl');
const BOUNDS: [number, number, number, number] = [118.503, 40.1, 118.524, 40.116];
const programme = demoProgramme();
const mine = programme.mines.find((m) => m.id === 'QA-M05')!;
const finished = programme.parcels.features.find((p) => p.properties.mine_id === mine.id && p.properties.status === 'treated')!;

interface Violation { directive: string; blocked: string; sample: string }

describe('Content-Security-Policy', () => {
  let app: OpenedApp;
  let page: Page;
  let tiles: Running & { served: () => number };
  let elsewhere: Running & { served: () => number };
  const violations: Violation[] = [];
  const cspConsole: string[] = [];

  beforeAll(async () => {
    tiles = await serveTiles('#3366cc');
    elsewhere = await serveTiles('#cc3366');
    // Opened with no page loaded: the listeners below are in place before the app's first start.
    app = await openApp({ url: null });
    page = app.page;
    // Across reloads: every page load reports its violations to the test.
    await page.exposeFunction('__reportViolation', (v: Violation) => void violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportViolation(v: object): void }).__reportViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
      });
    });
    const listen = (text: string) => {
      if (/Content Security Policy|Refused to/i.test(text)) cspConsole.push(text);
    };
    page.on('console', (m) => listen(m.text()));
    page.on('worker', (w) => w.on('console', (m) => listen(m.text())));
    page.on('pageerror', (e) => listen(e.message));
  });
  afterAll(async () => {
    await app?.close();
    await tiles?.close();
    await elsewhere?.close();
  });

  it('is sent by the server with nosniff and frame-ancestors, for the page and its scripts', async () => {
    const page = await fetch(baseUrl);
    const html = await page.text();
    const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    for (const response of [page, await fetch(new URL(script, baseUrl))]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const policy = response.headers.get('content-security-policy')!;
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(policy).toMatch(/worker-src 'self'(;|$)/);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('is declared by the page, with connections to its own origin only while no basemap is configured', async () => {
    await loadApp(page, baseUrl);
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    expect(policy).toContain("connect-src 'self' blob: data:;");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).not.toMatch(/https?:(?!\/)/);
  });

  it('breaks nothing: map, analysis, import, offline basemap, swipe imagery, mine file, service worker', async () => {
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const map = (c: [number, number], z: number) => page.evaluate(([c, z]) => (window as unknown as { __fulvMap: { jumpTo(o: object): void } }).__fulvMap.jumpTo({ center: c, zoom: z }), [c, z] as const);
    await map([118.51, 40.11], 13);
    await waitForMapIdle(page);
    await map([118.6, 40.0], 10);
    await waitForMapIdle(page);

    await page.getByRole('tab', { name: '冲突分析' }).click();
    await page.getByRole('region', { name: '冲突图斑' }).and(page.locator('[aria-busy=false]')).waitFor();
    expect(await page.getByRole('region', { name: '冲突图斑' }).locator('tbody tr').count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('button', { name: '导入数据…' }).click();
    const importing = page.getByRole('dialog', { name: '导入数据' });
    await importing.getByLabel('选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）').setInputFiles('tests/fixtures/interchange/gbk-4527.zip');
    await expect(importing.getByRole('region', { name: '预览' }).locator('[data-figure=count]').textContent()).resolves.toBe('3');
    await importing.getByRole('button', { name: '关闭导入' }).click();

    await page.getByRole('button', { name: '设置' }).click();
    const settings = page.getByRole('dialog', { name: '设置' });
    await settings.getByLabel('打开 PMTiles 底图文件').setInputFiles({ name: 'county.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(basemapFixture()) });
    await settings.getByRole('status').filter({ hasText: '已添加' }).waitFor();
    await settings.getByRole('button', { name: '关闭设置' }).click();
    await map([118.5, 40.1], 11);
    await waitForMapIdle(page);

    const dir = mkdtempSync(join(tmpdir(), 'fulv-csp-'));
    const [w, s, e, n] = BOUNDS;
    const mbtiles = gdalMbtiles(dir, 'after.mbtiles', gdalGeotiff(dir, 'blue.tif', pngOf(64, 64, () => rgbOf('#1e40c8')), 'EPSG:4490', [w, n, e, s]));
    await openReview(page);
    await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
    const swipe = page.getByRole('region', { name: '治理前后对比' });
    await waitForCompareIdle(page);
    await swipe.getByText('前后影像（可选）').click();
    await swipe.getByLabel('打开左侧影像文件（PMTiles/MBTiles/GeoTIFF）').setInputFiles({ name: 'before.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(rasterArchive('#d32f2f', BOUNDS, [10, 14])) });
    await swipe.getByLabel('打开右侧影像文件（PMTiles/MBTiles/GeoTIFF）').setInputFiles({ name: 'after.mbtiles', mimeType: 'application/octet-stream', buffer: readFileSync(mbtiles) });
    await swipe.getByRole('status', { name: '右侧影像文件' }).waitFor();
    await swipe.getByRole('button', { name: '缩放到左侧影像的范围' }).click();
    await waitForCompareIdle(page);
    await swipe.getByRole('button', { name: '关闭对比' }).click();

    // The mine file: its page margins are a constructed stylesheet, its export builds a document.
    await page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: new RegExp(finished.properties.id) }).click();
    await page.getByRole('button', { name: `打开${mine.name}的一矿一档` }).click();
    const file = page.getByRole('region', { name: `一矿一档：${mine.name}` });
    await Promise.all([page.waitForEvent('download'), file.getByRole('button', { name: '导出为单个文件' }).click()]);
    await file.getByRole('button', { name: '关闭一矿一档' }).click();

    expect(violations).toEqual([]);
    expect(cspConsole).toEqual([]);
  });

  it('runs no injected inline script and refuses a fetch to an origin not configured', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    const fetched = await page.evaluate((url) => fetch(url).then(() => 'fetched', () => 'refused'), `${tiles.url}0/0/0.png`);
    expect(fetched).toBe('refused');
    expect(tiles.served()).toBe(0);
    // The header and the page's own policy both refuse the script; only the page's refuses the
    // fetch (the server's allows any online origin, as it cannot know the user's basemap).
    await expect.poll(() => violations.map((v) => v.directive)).toEqual(['script-src-elem', 'script-src-elem', 'connect-src']);
    violations.length = 0;
    cspConsole.length = 0;
  });

  it('allows the online basemap origin the user configured, from the reload that saving it makes', async () => {
    await page.getByRole('button', { name: '设置' }).click();
    const settings = page.getByRole('dialog', { name: '设置' });
    await settings.getByRole('checkbox', { name: '使用在线底图' }).check();
    await settings.getByRole('textbox', { name: '底图瓦片地址（XYZ/TMS）' }).fill(`${tiles.url}{z}/{x}/{y}.png`);
    await Promise.all([page.waitForEvent('load'), settings.getByRole('button', { name: '保存' }).click()]);
    await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
    await waitForMapIdle(page);
    await expect.poll(() => tiles.served()).toBeGreaterThan(0);
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!);
    expect(policy).toContain(`connect-src 'self' blob: data: ${new URL(tiles.url).origin};`);
    const fetchFrom = (url: string): Promise<number | string> => page.evaluate((u) => fetch(u).then((r) => r.status, () => 'refused'), url);
    await expect(fetchFrom(`${tiles.url}1/1/1.png`)).resolves.toBe(200);
    const other = `${elsewhere.url}1/1/1.png`;
    await expect(fetchFrom(other)).resolves.toBe('refused');
    expect(elsewhere.served()).toBe(0);
    await expect.poll(() => violations.map((v) => v.blocked)).toEqual([other]);
  });

  it('allows a swipe imagery URL on a new origin from the reload it offers, remembering the URL', async () => {
    violations.length = 0;
    const template = `${elsewhere.url}{z}/{x}/{y}.png`;
    const openSwipe = async () => {
      await openReview(page);
      await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
      const swipe = page.getByRole('region', { name: '治理前后对比' });
      await waitForCompareIdle(page);
      await swipe.getByText('前后影像（可选）').click();
      return swipe;
    };
    let swipe = await openSwipe();
    // The file opened there earlier is kept across reloads; a URL shows once it is removed.
    await swipe.getByRole('button', { name: '移除右侧影像文件' }).click();
    await swipe.getByRole('textbox', { name: '右侧影像瓦片地址' }).fill(template);
    const notice = swipe.getByRole('status').filter({ hasText: new URL(elsewhere.url).origin });
    await expect(notice.textContent()).resolves.toContain('重新载入后即可显示');
    expect(elsewhere.served()).toBe(0);
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '重新载入' }).click()]);
    await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
    swipe = await openSwipe();
    await expect(swipe.getByRole('textbox', { name: '右侧影像瓦片地址' }).inputValue()).resolves.toBe(template);
    expect(await notice.count()).toBe(0);
    await expect.poll(() => elsewhere.served()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
