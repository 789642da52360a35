// Zones added later from the import dialog may replace the programme's zones: the demo's 18 zones
// replaced by a file of two in one step, which one undo brings back (issue 15, "add or replace zones").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scratchDir } from '../helpers/gdal.ts';
import { openApp, type OpenedApp } from './browser.ts';
import { openSurvey } from './survey-helpers.ts';

const FILES = '选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）';
const dir = scratchDir('e2e-replace-zones');
const line = (lon: number) => ({ type: 'LineString', coordinates: [[lon, 40.0], [lon + 0.01, 40.01]] });

describe('replacing the programme zones from the import dialog', () => {
  let app: OpenedApp;
  let page: Page;
  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('replaces the 18 zones by the file’s two in one step, and one undo brings them back', async () => {
    const file = join(dir, 'roads.geojson');
    writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 名称: '新路一', zone_type: 'traffic_line' }, geometry: line(118.6) },
        { type: 'Feature', properties: { 名称: '新路二', zone_type: 'traffic_line' }, geometry: line(118.62) },
      ],
    }));
    const status = page.getByRole('status').filter({ hasText: '座矿山' });
    await expect.poll(() => status.textContent()).toMatch(/，18 个保护区$/);
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByRole('combobox', { name: '导入为' }).selectOption({ label: '三区两线保护区' });
    await dialog.getByLabel(FILES).setInputFiles(file);
    await dialog.getByRole('checkbox', { name: '替换本项目现有的 18 个保护区（一步完成，可撤销）' }).check();
    await dialog.getByRole('button', { name: '导入 2 个要素' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => status.textContent()).toMatch(/，2 个保护区$/);
    await openSurvey(page);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => status.textContent()).toMatch(/，18 个保护区$/);
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => status.textContent()).toMatch(/，2 个保护区$/);
  });
});
