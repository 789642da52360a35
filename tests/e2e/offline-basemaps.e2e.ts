// Offline basemaps in the browser: a vector PMTiles archive cut by the tests is opened in the
// settings, kept in the browser, and drawn with the network off (checked in the screenshot's
// pixels); a raster archive too; a truncated or non-PMTiles file is refused with its reason; a
// removed basemap is gone. An online basemap's tiles cached for an area draw with the network off.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { mapShot, shareUnlike, type Shot } from './map-pixels.ts';
import { serveTiles } from './static-server.ts';
import { basemapFixture, FIXTURE_BOUNDS, LAKE_CENTRE } from '../helpers/pmtiles/basemap-fixture.ts';
import { rasterArchive } from '../helpers/pmtiles/raster-archive.ts';

const baseUrl = inject('baseUrl');
/** The lake's fill in the offline basemap style (map/offline-basemap-style.ts, water). */
const LAKE = '#c6d6e4';
const TILE_COLOUR = '#d81b60';

function shareLike(shot: Shot, hex: string, tolerance = 10): number {
  return 1 - shareUnlike(shot, hex, tolerance);
}

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => { (window as unknown as { __fulvMap: { jumpTo(o: object): void } }).__fulvMap.jumpTo({ center: c, zoom: z }); }, [center, zoom] as const);
  await waitForMapIdle(page);
}

async function settings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '设置' }).click();
  return page.getByRole('dialog', { name: '设置' });
}

async function closeSettings(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: '关闭设置' }).click();
}

async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
  await waitForMapIdle(page);
}

describe('offline basemaps', () => {
  let app: OpenedApp;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    app = await openApp({
      watch: (p) => p.on('request', (r) => {
        if (!r.url().startsWith(new URL(baseUrl).origin) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
      }),
    });
    ({ context, page } = app);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps a PMTiles file opened in the settings and draws it beneath the programme with the network off', async () => {
    const dialog = await settings(page);
    await dialog.getByLabel('打开 PMTiles 底图文件').setInputFiles({ name: 'county.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(basemapFixture()) });
    await expect(dialog.getByRole('status').filter({ hasText: '已添加' }).textContent()).resolves.toMatch(/已添加“county\.pmtiles”：矢量瓦片（MVT），6–12 级/);
    await expect(dialog.getByRole('radio', { name: 'Fulv test county（county.pmtiles）' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('status', { name: '存储用量' }).textContent()).resolves.toMatch(/底图保存在浏览器私有文件系统（OPFS）。本应用已用存储约 .+，浏览器允许约 .+。/);
    await closeSettings(dialog);

    await context.setOffline(true);
    await reloadOffline(page);
    await jumpTo(page, LAKE_CENTRE, 12);
    expect(shareLike(await mapShot(page, '计划地图'), LAKE)).toBeGreaterThan(0.5);
    await context.setOffline(false);
  });

  it('refuses a truncated archive and a file that is not PMTiles, each with its reason', async () => {
    const dialog = await settings(page);
    const input = dialog.getByLabel('打开 PMTiles 底图文件');
    const alert = dialog.getByRole('alert');
    await input.setInputFiles({ name: 'cut.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(basemapFixture().slice(0, 600)) });
    await expect(alert.textContent()).resolves.toBe('无法使用“cut.pmtiles”：文件不完整（下载或复制可能中断了）');
    await input.setInputFiles({ name: 'parcels.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('{"type":"FeatureCollection","features":[]}') });
    await expect(alert.textContent()).resolves.toBe('无法使用“parcels.pmtiles”：这不是 PMTiles 文件');
    await expect(dialog.getByRole('list', { name: '已保存的离线底图' }).getByRole('listitem').count()).resolves.toBe(1);
    await closeSettings(dialog);
  });

  it('adds a raster archive, switches between basemaps, and removes one', async () => {
    let dialog = await settings(page);
    await dialog.getByLabel('打开 PMTiles 底图文件').setInputFiles({ name: 'imagery.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(rasterArchive('#3366cc', FIXTURE_BOUNDS, [8, 12])) });
    await dialog.getByRole('status').filter({ hasText: '栅格瓦片（PNG）' }).waitFor();
    await closeSettings(dialog);
    await jumpTo(page, LAKE_CENTRE, 12);
    const raster = await mapShot(page, '计划地图');
    // Muted, but drawn: neither the plain background nor the vector lake.
    expect(shareUnlike(raster, '#eef1ea')).toBeGreaterThan(0.9);
    expect(shareLike(raster, LAKE)).toBeLessThan(0.05);

    dialog = await settings(page);
    await dialog.getByRole('radio', { name: 'Fulv test county（county.pmtiles）' }).check();
    await closeSettings(dialog);
    await waitForMapIdle(page);
    expect(shareLike(await mapShot(page, '计划地图'), LAKE)).toBeGreaterThan(0.5);

    dialog = await settings(page);
    await dialog.getByRole('button', { name: '删除底图“county.pmtiles”' }).click();
    await dialog.getByRole('status').filter({ hasText: '已删除“county.pmtiles”' }).waitFor();
    await expect(dialog.getByRole('radio', { name: '不使用离线底图' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('list', { name: '已保存的离线底图' }).getByRole('listitem').count()).resolves.toBe(1);
    await closeSettings(dialog);
    await waitForMapIdle(page);
    expect(shareLike(await mapShot(page, '计划地图'), LAKE)).toBeLessThan(0.01);
    expect(outside).toEqual([]);
  });
});

describe('an online basemap cached for offline use', () => {
  it('caches the tiles of the current view within the stated limit and draws them with the network off', async () => {
    const tiles = await serveTiles(TILE_COLOUR);
    const app = await openApp();
    const { context, page } = app;
    try {
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      let dialog = await settings(page);
      await expect(dialog.getByText('先在上面设置并启用在线底图，才能缓存它的瓦片。').isVisible()).resolves.toBe(true);
      await dialog.getByRole('checkbox', { name: '使用在线底图' }).check();
      await dialog.getByRole('textbox', { name: '底图瓦片地址（XYZ/TMS）' }).fill(`${tiles.url}{z}/{x}/{y}.png`);
      // A new online origin is allowed by the page's security policy from the reload that saving makes.
      await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: '保存' }).click()]);
      await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
      await waitForMapIdle(page);

      // A whole-county view down to zoom 18 is far over the limit: refused before any download.
      dialog = await settings(page);
      await dialog.getByRole('combobox', { name: '缓存到的最大级别' }).selectOption('18');
      await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/需要 [\d,]+ 个瓦片，超过上限 3,000 个/);
      await expect(dialog.getByRole('button', { name: '缓存当前范围的瓦片' }).isDisabled()).resolves.toBe(true);
      await closeSettings(dialog);

      const place: [number, number] = [118.66, 40.0];
      await jumpTo(page, place, 13);
      dialog = await settings(page);
      await dialog.getByRole('combobox', { name: '缓存到的最大级别' }).selectOption('14');
      await dialog.getByRole('button', { name: '缓存当前范围的瓦片' }).click();
      await expect(dialog.getByRole('status').filter({ hasText: '新瓦片' }).textContent({ timeout: 30_000 })).resolves.toMatch(/已缓存 \d+ 个新瓦片，0 个下载失败。/);
      await expect(dialog.getByText(/已缓存 \d+ 个瓦片（.+）。/).isVisible()).resolves.toBe(true);
      await closeSettings(dialog);

      await context.setOffline(true);
      const servedBefore = tiles.served();
      await reloadOffline(page);
      await jumpTo(page, place, 13);
      expect(shareUnlike(await mapShot(page, '计划地图'), TILE_COLOUR, 16)).toBeLessThan(0.7);
      expect(tiles.served()).toBe(servedBefore);
    } finally {
      await app.close();
      await tiles.close();
    }
  });
});
