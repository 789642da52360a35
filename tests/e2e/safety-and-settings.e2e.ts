// Attribute text from a file is shown as text, never run; the online basemap is off until the
// user sets one, and then it is remembered.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenPoint, waitForMapIdle } from './browser.ts';

const baseUrl = inject('baseUrl');
const HOSTILE = fileURLToPath(new URL('../fixtures/in/hostile-attributes.geojson', import.meta.url));

describe('hostile attribute text', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows HTML in attributes as text and runs no script', async () => {
    const dialogs: string[] = [];
    const { page } = await openApp({
      browser,
      watch: (p) => p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      }),
    });
    await page.getByLabel('打开 GeoJSON 文件查看').setInputFiles(HOSTILE);
    await page.getByRole('status').filter({ hasText: '1 个要素' }).waitFor();
    await waitForMapIdle(page);
    const { x, y } = await screenPoint(page, [118.62, 40.035]);
    await page.mouse.click(x, y);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('heading', { name: '文件要素' }).waitFor();
    await expect(inspector.getByText('<img src=x onerror="window.__xss=1;alert(1)">', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(inspector.getByText('<script>window.__xss=2</script>', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(inspector.getByText('<b onmouseover="window.__xss=3">key</b>', { exact: true }).isVisible()).resolves.toBe(true);
    await inspector.getByText('<b onmouseover="window.__xss=3">key</b>', { exact: true }).hover();
    await expect(inspector.locator('img, script, svg, a, b').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('refuses a file that is not GeoJSON and keeps the map as it was', async () => {
    const { page } = await openApp({ browser });
    await page.getByLabel('打开 GeoJSON 文件查看').setInputFiles({ name: 'broken.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
    await expect(page.getByRole('status').filter({ hasText: '无法打开“broken.geojson”' }).textContent()).resolves.toMatch(/JSON/);
    await expect(page.getByRole('checkbox', { name: '已打开的文件' }).count()).resolves.toBe(0);
  });
});

describe('online basemap setting', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is off by default, is used once configured, and is remembered', async () => {
    const tileRequests: string[] = [];
    const { context, page } = await openApp({
      browser,
      locale: null,
      watch: (p) => p.on('request', (r) => {
        if (r.url().includes('/tiles-under-test/')) tileRequests.push(r.url());
      }),
    });
    expect(tileRequests).toEqual([]);

    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog', { name: '设置' });
    await dialog.getByRole('checkbox', { name: '使用在线底图' }).check();
    await dialog.getByRole('textbox', { name: '底图瓦片地址（XYZ/TMS）' }).fill('not a url');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('{z}');

    const template = `${new URL(baseUrl).origin}/tiles-under-test/{z}/{x}/{y}.png`;
    await dialog.getByRole('textbox', { name: '底图瓦片地址（XYZ/TMS）' }).fill(template);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/tiles-under-test/')));
    expect(tileRequests.length).toBeGreaterThan(0);

    await page.reload();
    await page.getByRole('button', { name: '设置' }).click();
    await expect(dialog.getByRole('textbox', { name: '底图瓦片地址（XYZ/TMS）' }).inputValue()).resolves.toBe(template);
    await expect(dialog.getByRole('checkbox', { name: '使用在线底图' }).isChecked()).resolves.toBe(true);
    await context.close();
  });
});
