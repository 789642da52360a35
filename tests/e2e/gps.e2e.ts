// GPS in the field, with Chromium's geolocation override: the position marker and its accuracy,
// a fix worse than the limit refused, and a boundary walked into a treated polygon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { mapShot } from './map-pixels.ts';
import { openSurvey, parseNumber } from './survey-helpers.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

// An empty corner of the demo county, and a walk around a field about 60 m × 45 m.
const START = { longitude: 118.6301, latitude: 39.9351 };
const WALK: [number, number][] = [[118.6308, 39.9351], [118.6308, 39.9355], [118.6301, 39.9355]];

describe('GPS', () => {
  let app: OpenedApp;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ context: { permissions: ['geolocation'], geolocation: { ...START, accuracy: 3 } } });
    ({ context, page } = app);
    await openSurvey(page, '李工');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the position with its accuracy and centres the map on it', async () => {
    const gps = page.getByRole('region', { name: 'GPS 定位' });
    await gps.getByRole('checkbox', { name: '显示我的位置' }).check();
    await expect.poll(() => gps.getByRole('status').textContent(), { timeout: 15_000 }).toBe('位置 118.630100, 39.935100，精度 ±3.0 米');
    await gps.getByRole('button', { name: '移动地图到我的位置' }).click();
    await page.waitForTimeout(1200);
    await waitForMapIdle(page);
    const shot = await mapShot(page, '计划地图');
    // The marker (#1a73e8 with a white ring) sits at the centre of the map.
    const i = (Math.floor(shot.height / 2) * shot.width + Math.floor(shot.width / 2)) * 4;
    const [r, g, b] = [shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!];
    expect(Math.abs(r - 0x1a) + Math.abs(g - 0x73) + Math.abs(b - 0xe8)).toBeLessThan(40);
  });

  it('refuses a position worse than the accuracy limit', async () => {
    const gps = page.getByRole('region', { name: 'GPS 定位' });
    await context.setGeolocation({ ...START, accuracy: 45 });
    await expect.poll(() => gps.getByRole('status').textContent()).toContain('±45.0 米');
    await gps.getByRole('button', { name: '添加当前位置为顶点' }).click();
    await expect(gps.getByRole('alert').textContent()).resolves.toBe('当前精度 ±45.0 米，超过允许的 10 米，未记录');
    await expect(gps.getByText('已记录 0 个点').count()).resolves.toBe(1);
  });

  it('walks a boundary into a treated polygon with the area of the walked points', async () => {
    const gps = page.getByRole('region', { name: 'GPS 定位' });
    await context.setGeolocation({ ...START, accuracy: 3 });
    await expect.poll(() => gps.getByRole('status').textContent()).toContain('±3.0 米');
    await gps.getByRole('checkbox', { name: '沿边界行走自动记录' }).check();
    await gps.getByText('已记录 1 个点').waitFor();
    for (const [k, [longitude, latitude]] of WALK.entries()) {
      await context.setGeolocation({ longitude, latitude, accuracy: 4 });
      await gps.getByText(`已记录 ${k + 2} 个点`).waitFor();
    }
    await gps.getByRole('button', { name: '用记录的点生成治理图斑' }).click();
    await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
    const ring = [[START.longitude, START.latitude], ...WALK, [START.longitude, START.latitude]];
    const reference = equalAreaReference({ type: 'Polygon', coordinates: [ring] });
    const m2 = parseNumber((await page.getByRole('complementary', { name: '属性' }).locator('[data-unit=m2]').first().textContent())!);
    expect(Math.abs(m2 - reference)).toBeLessThanOrEqual(1 + reference * 1e-5);
    await expect(gps.getByText('已记录 0 个点').count()).resolves.toBe(1);
  });
});
