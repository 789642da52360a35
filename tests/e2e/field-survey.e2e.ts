// A surveyor's day, in the browser: draw a treated polygon by clicking, read its area, fill the
// form, attach a photo, reload, undo and redo; a crossing shape is refused; a broken backup is
// refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { openApp, type OpenedApp } from './browser.ts';
import { clickPolygon, goToEmptyGround, lonLatAt, mapOffsets, openSurvey, parseNumber } from './survey-helpers.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';


function smallPng(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

describe('field survey', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ watch: (p) => p.on('dialog', (d) => void d.accept()) });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws a polygon whose area matches an independent measure, keeps form and photo over a reload, and undoes and redoes after it', async () => {
    await openSurvey(page);
    await goToEmptyGround(page);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    const points = await mapOffsets(page, [[-80, -60], [90, -70], [100, 70], [-70, 80]]);
    const ring = await lonLatAt(page, points);
    await clickPolygon(page, points);

    const history = page.getByRole('region', { name: '编辑历史' });
    await expect.poll(() => history.getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
    const inspector = page.getByRole('complementary', { name: '属性' });
    const m2 = parseNumber((await inspector.locator('[data-unit=m2]').first().textContent())!);
    const reference = equalAreaReference({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
    expect(Math.abs(m2 - reference)).toBeLessThanOrEqual(1 + reference * 1e-5);
    const mu = parseNumber((await inspector.locator('[data-unit=mu]').first().textContent())!);
    expect(mu).toBeCloseTo((reference * 15) / 10000, 1);

    const form = inspector.getByRole('form', { name: '治理图斑属性' });
    await form.getByRole('combobox', { name: '治理措施' }).selectOption({ label: '地貌修复' });
    await form.getByRole('textbox', { name: '备注' }).fill('东坡已覆土 <b>30cm</b>');
    await form.getByRole('button', { name: '保存属性' }).click();
    await expect.poll(() => history.getByRole('status').textContent()).toBe('已保存');

    await inspector.getByLabel('添加照片（拍照或选择文件）').setInputFiles({ name: '东坡.png', mimeType: 'image/png', buffer: smallPng() });
    await inspector.getByRole('img', { name: /照片 东坡\.png/ }).waitFor();

    await page.reload();
    await page.getByRole('status').filter({ hasText: '图斑' }).first().waitFor();
    await openSurvey(page);
    // Find the polygon where it was drawn and open it.
    await page.evaluate((c) => (window as unknown as { __fulvMap: { jumpTo(o: object): void } }).__fulvMap.jumpTo({ center: c, zoom: 16 }), ring[0]!);
    const [centre] = await page.evaluate((pts) => {
      const map = (window as unknown as { __fulvMap: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__fulvMap;
      const rect = map.getCanvas().getBoundingClientRect();
      const lon = pts.reduce((s, p) => s + p[0], 0) / pts.length;
      const lat = pts.reduce((s, p) => s + p[1], 0) / pts.length;
      const p = map.project([lon, lat]);
      return [{ x: rect.left + p.x, y: rect.top + p.y }];
    }, ring);
    await page.waitForTimeout(500);
    await page.mouse.click(centre!.x, centre!.y);
    await expect(form.getByRole('textbox', { name: '备注' }).inputValue()).resolves.toBe('东坡已覆土 <b>30cm</b>');
    await expect(form.getByRole('combobox', { name: '治理措施' }).inputValue()).resolves.toBe('landform');
    await inspector.getByRole('img', { name: /照片 东坡\.png/ }).waitFor();

    // Undo the photo, then the attributes; redo the attributes.
    await history.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => inspector.getByRole('img', { name: /照片 东坡\.png/ }).count()).toBe(0);
    await history.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => form.getByRole('textbox', { name: '备注' }).inputValue()).toBe('');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => form.getByRole('textbox', { name: '备注' }).inputValue()).toBe('东坡已覆土 <b>30cm</b>');
  });

  it('refuses a self-intersecting shape and says where it crosses', async () => {
    await openSurvey(page);
    await goToEmptyGround(page, [118.72, 39.95]);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    const points = await mapOffsets(page, [[-80, -80], [80, 80], [80, -80], [-80, 80]]);
    await clickPolygon(page, points, false);
    await expect(page.getByRole('region', { name: '绘制治理图斑' }).getByRole('alert').filter({ hasText: '自相交' }).textContent()).resolves.toMatch(/图形自相交（约在 \d+\.\d+, \d+\.\d+）/);
    // The crossing vertex was not added: the drawing goes on with the last valid shape.
    // The last valid shape is the triangle of the first three vertices.
    const live = parseNumber((await page.getByRole('status', { name: '当前面积' }).locator('[data-unit=m2]').textContent())!);
    const triangle = await lonLatAt(page, points.slice(0, 3));
    const reference = equalAreaReference({ type: 'Polygon', coordinates: [[...triangle, triangle[0]!]] });
    expect(Math.abs(live - reference)).toBeLessThanOrEqual(1 + reference * 1e-5);
    await page.getByRole('button', { name: '取消绘制' }).click();
    await expect(page.getByRole('button', { name: '绘制治理图斑' }).isEnabled()).resolves.toBe(true);
  });

  it('refuses a corrupt backup and changes nothing', async () => {
    await openSurvey(page);
    const backup = page.getByRole('region', { name: '备份' });
    const before = await page.getByRole('status').filter({ hasText: '座矿山' }).textContent();
    await backup.getByLabel('从备份文件恢复').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 this is not a real archive') });
    await expect(backup.getByRole('alert').textContent()).resolves.toBe('无法恢复“broken.zip”：这不是复绿备份，或文件已损坏：它不是可读取的 zip 压缩包，现有数据未改动');
    await expect(page.getByRole('status').filter({ hasText: '座矿山' }).textContent()).resolves.toBe(before);
  });
});
