// A planner on a tablet held upright (768×1024, touch): the conflict list in the side panel, a
// tapped row opens the inspector, and the map keeps at least half the width; the side panel
// collapses and stays collapsed after a reload; nothing reaches past the screen's edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp, waitForMapIdle } from './browser.ts';
import { sidewaysOverflow } from './touch.ts';

const WIDTH = 768;

describe('tablet layout', () => {
  let app: OpenedApp;
  let page: Page;
  const mapWidth = async () => (await page.getByRole('region', { name: '计划地图' }).boundingBox())!.width;

  beforeAll(async () => {
    app = await openApp({ viewport: { width: WIDTH, height: 1024 }, touch: true, watch: (p) => p.on('dialog', (d) => void d.accept()) });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the conflicts, taps a row, shows the inspector, and keeps the map at least half the width', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).tap();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor();
    const row = list.getByRole('button', { name: /^在地图上查看图斑 / }).first();
    const name = (await row.getAttribute('aria-label')) ?? (await row.textContent())!;
    await row.tap();
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    expect(name).toMatch(/QA-/);
    await waitForMapIdle(page);
    expect(await mapWidth()).toBeGreaterThanOrEqual(WIDTH / 2);
    // Side panel and inspector are both on screen beside the map.
    expect((await list.boundingBox())!.width).toBeGreaterThan(100);
    expect((await inspector.boundingBox())!.width).toBeGreaterThan(100);
    expect((await sidewaysOverflow(page)).wide).toEqual([]);
    await page.screenshot({ path: '/tmp/tablet-open.png' });
  });

  it('collapses the side panel and the inspector to widen the map, and remembers them over a reload', async () => {
    const before = await mapWidth();
    await page.getByRole('button', { name: '收起侧边栏' }).tap();
    await page.getByRole('button', { name: '收起属性面板' }).tap();
    // Two 44 px strips are left, each with its button.
    await expect.poll(mapWidth).toBe(WIDTH - 2 * 44);
    expect(before).toBeLessThan(WIDTH - 2 * 44);
    await page.screenshot({ path: '/tmp/tablet-collapsed.png' });
    await expect(page.getByRole('button', { name: '展开侧边栏' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await page.reload();
    await page.getByRole('status').filter({ hasText: '图斑' }).first().waitFor();
    await expect(page.getByRole('button', { name: '展开侧边栏' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('tab', { name: '冲突分析' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '展开侧边栏' }).tap();
    await page.getByRole('tab', { name: '冲突分析' }).waitFor();
    await page.getByRole('button', { name: '收起侧边栏' }).waitFor();
  });

  it('keeps the selection and the view when turned sideways, and when a browser zoom makes it a phone layout', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).tap();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor();
    await list.getByRole('button', { name: /^在地图上查看图斑 / }).first().tap();
    // The inspector was left collapsed (and remembered so): its strip opens it.
    await page.getByRole('button', { name: '展开属性面板' }).tap();
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    await waitForMapIdle(page);
    const view = () => page.evaluate(() => {
      const map = (window as unknown as { __fulvMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__fulvMap;
      return { lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() };
    });
    const before = await view();
    await page.setViewportSize({ width: 1024, height: 768 });
    await waitForMapIdle(page);
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    expect(await mapWidth()).toBeGreaterThanOrEqual(1024 / 2);
    // 200% zoom of a 1024 px wide window: 512 CSS px, a phone's layout; the map is built anew.
    await page.setViewportSize({ width: 512, height: 384 });
    await waitForMapIdle(page);
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    await expect(page.getByRole('region', { name: '面板', exact: true }).isVisible()).resolves.toBe(true);
    const after = await view();
    expect(after.zoom).toBeCloseTo(before.zoom, 5);
    expect(after.lng).toBeCloseTo(before.lng, 6);
    expect(after.lat).toBeCloseTo(before.lat, 6);
    expect((await sidewaysOverflow(page)).wide).toEqual([]);
  });
});
