// Issue 15's first "done when", in one go as a county user does it: a programme created from the
// real GEM boundaries (one mine per GEM mine, named as GEM names it), the demo's zones file as its
// zones and a targets CSV; its conflicts (none under the default buffers: the GEM mines lie 31.8 km
// and more from the demo's zones — GDAL ST_Distance in EPSG:4527 — and the two mines a 33 km river
// buffer reaches) and its dashboard; a switch to the demo and back; a reload; then backed up,
// deleted and restored: every record of its database the same, store by store, read in the page.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scratchDir } from '../helpers/gdal.ts';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { downloadCsv } from './dashboard-sums.ts';
import { boundaries, click, createGemProgramme, mineNames, searchedMines, zoneCount } from './gem-programme.ts';
import { openReview } from './review-helpers.ts';

const NAME = '唐山煤矿修复试点';
const dir = scratchDir('e2e-own-programme');
const ownStatus = `${mineNames.length} 座矿山，${boundaries.length} 个图斑，0 个治理图斑，${zoneCount} 个保护区`;

type Records = Record<string, Array<{ key: unknown; value: unknown }>>;

/** Every record of the open programme's database, store by store, read in the page (the history and meta apart: a restore starts a new history). */
async function programmeRecords(page: Page, id: string): Promise<Records> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const out: Record<string, Array<{ key: unknown; value: unknown }>> = {};
      for (const store of [...db.objectStoreNames].filter((n) => !['meta', 'undo', 'redo'].includes(n)).sort()) {
        const read = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        const objects = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([read(objects.getAllKeys()), read(objects.getAll())]);
        out[store] = keys.map((key, i) => ({ key, value: values[i] as unknown }));
      }
      return out;
    } finally {
      db.close();
    }
  }, `fulv-field-${id}`);
}

async function currentId(page: Page): Promise<string> {
  return page.getByRole('combobox', { name: '项目', exact: true }).inputValue();
}

async function selected(page: Page): Promise<string> {
  return page.getByRole('combobox', { name: '项目', exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
}

async function conflictIds(page: Page): Promise<string[]> {
  const list = page.getByRole('region', { name: '冲突图斑' });
  await list.and(page.locator('[aria-busy=false]')).waitFor({ timeout: 30_000 });
  return list.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('.sub')!.textContent!.split(' · ')[0]!).sort());
}

describe('a county’s own programme, start to finish', () => {
  let app: OpenedApp;
  let page: Page;
  beforeAll(async () => {
    app = await openApp({ context: { acceptDownloads: true } });
    page = app.page;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('is created from the GEM boundaries with zones and targets, analysed, switched, reloaded, backed up, deleted and restored identical', async () => {
    await createGemProgramme(page, click);
    expect(await searchedMines(page)).toEqual(mineNames);
    expect(await selected(page)).toBe(NAME);
    const id = await currentId(page);

    await page.getByRole('tab', { name: '冲突分析' }).click();
    expect(await conflictIds(page)).toEqual([]);
    await page.getByText('缓冲距离 · 通用').click();
    await page.getByRole('spinbutton', { name: '河流湖泊缓冲距离（米）' }).fill('33000');
    await expect.poll(() => conflictIds(page), { timeout: 30_000 }).toEqual(['M1121.B1', 'M1174.B1']);

    await openReview(page);
    await page.getByRole('button', { name: '打开进度看板' }).click();
    await page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=treated]').waitFor({ timeout: 20_000 });
    const { rows } = await downloadCsv(page, '将“按乡镇（全部年度）”导出为 CSV');
    expect(rows.map((r) => [r['乡镇'], Number(r['目标任务（亩）'])])).toEqual([['唐山市', 120]]);
    await page.getByRole('button', { name: '关闭进度看板' }).click();

    const status = page.getByRole('status').filter({ hasText: '座矿山' });
    const box = page.getByRole('combobox', { name: '项目', exact: true });
    const demo = (await box.locator('option').allTextContents()).find((o) => o.endsWith('（示例）'))!;
    await box.selectOption({ label: demo });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^\d+ 座矿山，181 个图斑，/);
    await box.selectOption({ label: NAME });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(ownStatus);

    await page.reload();
    await status.waitFor();
    await waitForMapIdle(page);
    expect(await selected(page)).toBe(NAME);
    await expect.poll(() => status.textContent()).toBe(ownStatus);
    // The 33 km river buffer is the programme's own, kept across the reload.
    await page.getByRole('tab', { name: '冲突分析' }).click();
    await expect.poll(() => conflictIds(page), { timeout: 30_000 }).toEqual(['M1121.B1', 'M1174.B1']);

    const before = await programmeRecords(page, id);
    expect(before['parcels']).toHaveLength(boundaries.length);
    expect(before['mines']).toHaveLength(mineNames.length);
    expect(before['zones']).toHaveLength(zoneCount);
    await page.getByRole('button', { name: '项目操作' }).click();
    await page.getByRole('group', { name: '项目操作' }).getByRole('button', { name: '删除此项目…' }).click();
    const confirm = page.getByRole('dialog', { name: `删除项目“${NAME}”？` });
    const [download] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '先下载备份' }).click()]);
    const backup = join(dir, 'own.zip');
    await download.saveAs(backup);
    await confirm.getByRole('button', { name: '删除项目' }).click();
    await page.getByRole('status').filter({ hasText: `已删除项目“${NAME}”` }).waitFor();
    expect(await box.locator('option').allTextContents()).toEqual([demo]);

    await page.getByRole('button', { name: '项目操作' }).click();
    await page.getByRole('group', { name: '项目操作' }).getByLabel('从备份恢复项目').setInputFiles(backup);
    await page.getByRole('status').filter({ hasText: `已恢复项目“${NAME}”` }).waitFor();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(ownStatus);
    expect(await currentId(page)).toBe(id);
    const after = await programmeRecords(page, id);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const store of Object.keys(before)) expect(after[store], store).toEqual(before[store]);
  });
});
