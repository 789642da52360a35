// Import and export as a user does them: a GBK Shapefile in Gauss-Krüger zone 39 is previewed
// (CRS and encoding as declared), imported into the programme in one step and found by search;
// broken files from the malformed corpus are refused with their specific message and change
// nothing; cancelling changes nothing; an export downloads a file GDAL-grade readers accept.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './browser.ts';
import { zh } from '../../src/ui/i18n/zh.ts';

const FILES = '选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）';
const expected = JSON.parse(readFileSync('tests/fixtures/malformed/expected.json', 'utf8')) as Record<string, { code: string; options?: unknown }>;

async function parcelCount(page: Page): Promise<number> {
  return Number(/(\d+) 个图斑/.exec((await page.getByRole('status').filter({ hasText: '座矿山' }).textContent())!)![1]);
}

describe('import and export', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('previews a GBK Shapefile in GK zone 39 and imports it as parcels in one step', async () => {
    const before = await parcelCount(page);
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByLabel(FILES).setInputFiles('tests/fixtures/interchange/gbk-4527.zip');
    const preview = dialog.getByRole('region', { name: '预览' });
    await expect(preview.locator('[data-figure=count]').textContent()).resolves.toBe('3');
    await expect(preview.locator('[data-figure=crs]').textContent()).resolves.toContain('EPSG:4527');
    await expect(preview.locator('[data-figure=crs]').textContent()).resolves.toContain('文件声明');
    await expect(preview.locator('[data-figure=encoding]').textContent()).resolves.toContain('gbk');
    // Chinese attribute text decoded from GBK shows in the field list.
    await expect(dialog.getByRole('combobox', { name: '编号 ← 文件字段', exact: true }).textContent()).resolves.toContain('130283-001');

    const confirm = dialog.getByRole('button', { name: /^导入 \d+ 个要素$/ });
    const count = Number(/导入 (\d+) 个要素/.exec((await confirm.textContent())!)![1]);
    // Every feature of the file (ogrinfo: Feature Count: 3) is valid and imported.
    expect(count).toBe(3);
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByRole('status', { name: '导入结果' }).textContent()).resolves.toContain(`已导入 ${count} 个要素到“矿山图斑”`);
    await expect.poll(() => parcelCount(page)).toBe(before + count);

    await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill('130283-001');
    await expect(page.getByRole('listbox', { name: '搜索结果' }).textContent()).resolves.toContain('130283-001');
    await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill('');
  });

  it('refuses broken files with their specific message and changes nothing', async () => {
    const before = await parcelCount(page);
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    for (const name of ['truncated.zip', 'invalid-json.geojson', 'projected-claims-lonlat.geojson', 'kml-billion-laughs.kml', 'missing-dbf.zip', 'xian80-prj.zip', 'unknown-format.bin']) {
      const message = zh[`ioError.${expected[name]!.code}` as keyof typeof zh];
      await dialog.getByLabel(FILES).setInputFiles(`tests/fixtures/malformed/${name}`);
      await expect.poll(() => dialog.getByRole('alert').first().textContent(), { timeout: 15_000 }).toContain(message);
      await expect(dialog.getByRole('button', { name: /^导入 \d+ 个要素$/ }).isDisabled()).resolves.toBe(true);
    }
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await parcelCount(page)).toBe(before);
  });

  it('cancelling a previewed import changes nothing', async () => {
    const before = await parcelCount(page);
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByLabel(FILES).setInputFiles('tests/fixtures/interchange/parcels-libkml.kml');
    await dialog.getByRole('region', { name: '预览' }).waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.reload();
    await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor();
    expect(await parcelCount(page)).toBe(before);
  });

  it('exports the programme as a Shapefile zip with its .prj', async () => {
    await page.getByRole('button', { name: '导出数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出数据' });
    await dialog.getByRole('combobox', { name: '格式' }).selectOption('shapefile');
    await dialog.getByRole('combobox', { name: '坐标系' }).selectOption('EPSG:4527');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const bytes = readFileSync((await file.path())!);
    // A zip whose directory lists a .prj and a .dbf for each layer.
    const listing = bytes.toString('latin1');
    expect(listing).toContain('.prj');
    expect(listing).toContain('.dbf');
    await expect(dialog.getByRole('status').textContent()).resolves.toContain('已导出');
  });
});
