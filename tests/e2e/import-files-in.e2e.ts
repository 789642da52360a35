// Files other software writes, through the import dialog (issue 13): a UTF-8 Shapefile written by
// GDAL whose long Chinese field names GDAL cut mid-character, a GeoJSON that is a single Feature
// (RFC 7946 §3), and a Shapefile in code page 1252. Each previews with its text intact, the
// encoding as its file declares it, and imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, type OpenedApp } from './browser.ts';
import { scratchDir } from '../helpers/gdal.ts';
import { collection, gdalShapefile, square } from '../helpers/gdal-shapefiles.ts';

const FILES = '选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）';
const dir = scratchDir('e2e-files-in');

async function parcelCount(page: Page): Promise<number> {
  return Number(/(\d+) 个图斑/.exec((await page.getByRole('status').filter({ hasText: '座矿山' }).textContent())!)![1]);
}

/** Imports the previewed features and checks they reached the programme. */
async function importAll(page: Page, dialog: Locator, expected: number): Promise<void> {
  const before = await parcelCount(page);
  const confirm = dialog.getByRole('button', { name: `导入 ${expected} 个要素` });
  await confirm.click();
  // The dialog closes on success and the summary stays behind it.
  await dialog.waitFor({ state: 'hidden' });
  await expect(page.getByRole('status', { name: '导入结果' }).textContent()).resolves.toContain(`已导入 ${expected} 个要素到“矿山图斑”`);
  await expect.poll(() => parcelCount(page)).toBe(before + expected);
}

async function expectFound(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill(id);
  await expect(page.getByRole('listbox', { name: '搜索结果' }).textContent()).resolves.toContain(id);
  await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill('');
}

describe('importing files as other software writes them', () => {
  let app: OpenedApp;
  let page: Page;
  let utf8Zip: string;
  let cp1252: string[];
  let feature: string;

  beforeAll(async () => {
    const utf8 = gdalShapefile(dir, 'gdal-utf8', collection([
      { properties: { 图斑编号: 'TB-E2E-001', 矿山名称: '迁安首钢矿', 治理面积亩: 12.5, 备注: '边坡复绿' }, geometry: square(118.61, 40.02, 0.003) },
      { properties: { 图斑编号: 'TB-E2E-002', 矿山名称: '马兰庄铁矿', 治理面积亩: 3.25, 备注: '排土场' }, geometry: square(118.62, 40.02, 0.003) },
    ]), ['-lco', 'ENCODING=UTF-8']);
    utf8Zip = join(dir, 'gdal-utf8.zip');
    writeFileSync(utf8Zip, zipSync(Object.fromEntries(utf8.files.map((f) => [f.name, f.bytes]))));
    const latin = gdalShapefile(dir, 'latin', collection([
      { properties: { id: 'CP-1252-1', name: 'México', note: 'Zürich' }, geometry: square(118.63, 40.02, 0.003) },
    ]), ['-lco', 'ENCODING=CP1252']);
    cp1252 = latin.files.map((f) => join(dir, f.name));
    feature = join(dir, 'one-feature.geojson');
    writeFileSync(feature, JSON.stringify({ type: 'Feature', properties: { 图斑编号: 'TB-E2E-101', 名称: '单要素图斑' }, geometry: square(118.64, 40.02, 0.003) }));
    app = await openApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('previews a GDAL-written UTF-8 Shapefile with cut Chinese field names, and imports it', async () => {
    // The premise: GDAL left half a character at the end of the name in the .dbf.
    expect(readFileSync(join(dir, 'gdal-utf8.dbf')).includes(Buffer.from([...Buffer.from('图斑编'), 0xe5, 0x00]))).toBe(true);
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByLabel(FILES).setInputFiles(utf8Zip);
    const preview = dialog.getByRole('region', { name: '预览' });
    await expect(preview.locator('[data-figure=count]').textContent()).resolves.toBe('2');
    await expect(preview.locator('[data-figure=encoding]').textContent()).resolves.toBe('utf-8（文件声明）');
    const id = dialog.getByRole('combobox', { name: '编号 ← 文件字段', exact: true });
    await expect(id.inputValue()).resolves.toBe('图斑编');
    const options = await id.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['图斑编（TB-E2E-001、TB-E2E-002）', '矿山名（迁安首钢矿、马兰庄铁矿）', '治理面（12.5、3.25）', '备注（边坡复绿、排土场）']));
    await expect(preview.textContent()).resolves.not.toMatch(/\uFFFD|疑似乱码/);
    await importAll(page, dialog, 2);
    await expectFound(page, 'TB-E2E-001');
  });

  it('previews a GeoJSON that is a single Feature, and imports it', async () => {
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByLabel(FILES).setInputFiles(feature);
    const preview = dialog.getByRole('region', { name: '预览' });
    await expect(preview.locator('[data-figure=count]').textContent()).resolves.toBe('1');
    await expect(dialog.getByRole('combobox', { name: '名称 ← 文件字段', exact: true }).locator('option:checked').textContent()).resolves.toBe('名称（单要素图斑）');
    await importAll(page, dialog, 1);
    await expectFound(page, 'TB-E2E-101');
  });

  it('previews a code page 1252 Shapefile with México and Zürich intact, and imports it', async () => {
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByLabel(FILES).setInputFiles(cp1252);
    const preview = dialog.getByRole('region', { name: '预览' });
    await expect(preview.locator('[data-figure=count]').textContent()).resolves.toBe('1');
    await expect(preview.locator('[data-figure=encoding]').textContent()).resolves.toBe('windows-1252（文件声明）');
    await expect(dialog.getByRole('combobox', { name: '名称 ← 文件字段', exact: true }).locator('option:checked').textContent()).resolves.toBe('name（México）');
    await expect(dialog.getByRole('combobox', { name: '备注 ← 文件字段', exact: true }).locator('option:checked').textContent()).resolves.toBe('note（Zürich）');
    await importAll(page, dialog, 1);
    await expectFound(page, 'CP-1252-1');
  });
});
