// Programmes as a user meets them (issue 15): the demo is one programme among those the browser
// keeps; an imported parcels file is programme data (still there after a reload, undone as one
// step); a programme is backed up, deleted after confirming, and restored from its backup
// identical record by record; two programmes are switched between, and the choice survives a
// reload. On the desktop with a mouse, and on a phone by touch.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { openSurvey } from './survey-helpers.ts';
import { scratchDir } from '../helpers/gdal.ts';

const COPY_NAME = '我的副本';
const FILES = '选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）';
const dir = scratchDir('e2e-programmes');
const COPY = join(dir, 'copy.zip');

/** A backup made into another programme's: another id and name, every record the user's own. */
function asOtherProgramme(bytes: Uint8Array): Uint8Array {
  const files = { ...unzipSync(bytes) };
  const edit = (name: string, change: (value: Record<string, unknown>) => Record<string, unknown>) => {
    files[name] = strToU8(JSON.stringify(change(JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>)));
  };
  edit('manifest.json', (m) => ({ ...m, programme: { id: 'MY-COPY', name: COPY_NAME } }));
  edit('programme.json', (p) => ({ ...p, header: { ...(p['header'] as object), id: 'MY-COPY', name: COPY_NAME }, seed_ids: [] }));
  return zipSync(files);
}
const square = (lon: number, lat: number, d = 0.003) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });

async function parcelCount(page: Page): Promise<number> {
  return Number(/(\d+) 个图斑/.exec((await page.getByRole('status').filter({ hasText: '座矿山' }).textContent())!)![1]);
}

const programmeBox = (page: Page) => page.getByRole('combobox', { name: '项目', exact: true });

async function programmeOptions(page: Page): Promise<string[]> {
  return programmeBox(page).locator('option').allTextContents();
}

async function selectedProgramme(page: Page): Promise<string> {
  return programmeBox(page).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
}

async function programmeAction(page: Page, name: string, tap: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: '项目操作' });
  if (tap) await toggle.tap();
  else await toggle.click();
  const button = page.getByRole('group', { name: '项目操作' }).getByRole('button', { name });
  if (tap) await button.tap();
  else await button.click();
}

async function restoreFrom(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: '项目操作' }).click();
  await page.getByRole('group', { name: '项目操作' }).getByLabel('从备份恢复项目').setInputFiles(path);
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor();
  await waitForMapIdle(page);
}

async function saved(download: Download, name: string): Promise<string> {
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

/** The programme's own records and edits in a backup, as text, part by part. */
function backupParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const parts = ['programme.json', 'townships.json', 'mines.json', 'parcels.json', 'zones.json', 'treated.json', 'photos.json', 'reviews.json', 'targets.json', 'journal.json'];
  return Object.fromEntries(parts.map((name) => [name, strFromU8(files[name]!)]));
}

describe('programmes on the desktop', () => {
  let app: OpenedApp;
  let page: Page;
  let parcelsFile: string;

  beforeAll(async () => {
    parcelsFile = join(dir, 'my-parcels.geojson');
    writeFileSync(parcelsFile, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 图斑编号: 'TB-PRG-001', 名称: '新采场' }, geometry: square(118.61, 40.02) },
        { type: 'Feature', properties: { 图斑编号: 'TB-PRG-002', 名称: '新排土场' }, geometry: square(118.62, 40.02) },
      ],
    }));
    app = await openApp({ context: { acceptDownloads: true } });
    page = app.page;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('imports a parcels file as programme data: kept across a reload, undone as one step', async () => {
    expect(await programmeOptions(page)).toEqual([expect.stringMatching(/（示例）$/)]);
    const before = await parcelCount(page);
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    await dialog.getByLabel(FILES).setInputFiles(parcelsFile);
    await dialog.getByRole('button', { name: '导入 2 个要素' }).click();
    await expect.poll(() => parcelCount(page)).toBe(before + 2);
    await dialog.getByRole('button', { name: '关闭导入' }).click();
    await reload(page);
    expect(await parcelCount(page)).toBe(before + 2);
    await openSurvey(page);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => parcelCount(page)).toBe(before);
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => parcelCount(page)).toBe(before + 2);
  });

  it('backs a programme up, deletes it after asking, and restores it identical', async () => {
    const count = await parcelCount(page);
    const name = (await selectedProgramme(page)).replace('（示例）', '');
    await programmeAction(page, '删除此项目…', false);
    const confirm = page.getByRole('dialog', { name: `删除项目“${name}”？` });
    await expect(confirm.textContent()).resolves.toContain(`${count} 个图斑`);
    const [download] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '先下载备份' }).click()]);
    const backup = await saved(download, 'before-delete.zip');
    await confirm.getByRole('button', { name: '删除项目' }).click();
    await page.getByRole('status').filter({ hasText: `已删除项目“${name}”` }).waitFor();
    expect(await programmeOptions(page)).toEqual(['—']);
    // The demo, removed, is offered back.
    await page.getByRole('button', { name: '项目操作' }).click();
    expect(await page.getByRole('group', { name: '项目操作' }).getByRole('button', { name: '添加示例项目' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '项目操作' }).click();

    await restoreFrom(page, backup);
    await page.getByRole('status').filter({ hasText: `已恢复项目“${name}”` }).waitFor();
    await expect.poll(() => parcelCount(page).catch(() => -1)).toBe(count);
    await programmeAction(page, '删除此项目…', false);
    const again = page.getByRole('dialog', { name: `删除项目“${name}”？` });
    const [second] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: '先下载备份' }).click()]);
    await again.getByRole('button', { name: '取消' }).click();
    const first = backupParts(readFileSync(backup));
    const restored = backupParts(readFileSync(await saved(second, 'after-restore.zip')));
    for (const part of Object.keys(first)) expect(restored[part], part).toBe(first[part]);
  });

  it('switches between two programmes, and the choice survives a reload', async () => {
    await programmeAction(page, '删除此项目…', false);
    const dialog = page.getByRole('dialog', { name: /删除项目/ });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '先下载备份' }).click()]);
    await dialog.getByRole('button', { name: '取消' }).click();
    writeFileSync(COPY, asOtherProgramme(readFileSync(await saved(download, 'to-copy.zip'))));
    const demo = await selectedProgramme(page);
    await restoreFrom(page, COPY);
    await page.getByRole('status').filter({ hasText: `已恢复项目“${COPY_NAME}”` }).waitFor();
    await expect.poll(() => selectedProgramme(page)).toBe(COPY_NAME);
    expect((await programmeOptions(page)).sort()).toEqual([COPY_NAME, demo].sort());
    // Once held, a programme's backup is restored inside it, not made a second time.
    await restoreFrom(page, COPY);
    await expect(page.getByRole('alert').filter({ hasText: '无法从“copy.zip”恢复项目' }).textContent()).resolves.toContain('此浏览器中已有这个项目');

    await programmeBox(page).selectOption({ label: demo });
    await expect.poll(() => page.getByRole('status').filter({ hasText: '座矿山' }).count()).toBe(1);
    await reload(page);
    expect(await selectedProgramme(page)).toBe(demo);
    await programmeBox(page).selectOption({ label: COPY_NAME });
    await reload(page);
    expect(await selectedProgramme(page)).toBe(COPY_NAME);
  });
});

describe('programmes on a phone, by touch', () => {
  let app: OpenedApp;
  let page: Page;
  beforeAll(async () => {
    app = await openApp({ viewport: 'phone' });
    page = app.page;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('restores a programme from a backup, switches to the demo and back, remembered across reloads', async () => {
    const demo = await selectedProgramme(page);
    expect(demo).toMatch(/（示例）$/);
    await page.getByRole('button', { name: '项目操作' }).tap();
    await page.getByRole('group', { name: '项目操作' }).getByLabel('从备份恢复项目').setInputFiles(COPY);
    await expect.poll(() => selectedProgramme(page)).toBe(COPY_NAME);
    await programmeBox(page).selectOption({ label: demo });
    await reload(page);
    expect(await selectedProgramme(page)).toBe(demo);
    await programmeBox(page).selectOption({ label: COPY_NAME });
    await reload(page);
    expect(await selectedProgramme(page)).toBe(COPY_NAME);
    expect(await programmeOptions(page)).toHaveLength(2);
  });
});
