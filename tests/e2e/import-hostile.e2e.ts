// Hostile and slow files in the import dialog. A KMZ bomb (under 1 MB, 700 MB inside) is refused
// in seconds with the size limit as the reason. Cancelling a slow import stops it: the surveyor
// opens a 45 MB KML that would end in an error after a long read, cancels, and picks a small file;
// the import worker that was reading is terminated, and the preview that comes is the small
// file's, with no word of the first file's failure. The same holds when the second file is
// chosen without cancelling.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { openApp, type OpenedApp } from './browser.ts';
import { parcelsKml } from '../helpers/kml-placemarks.ts';
import { bombZip, KML_HEAD, KML_TAIL, SPACES } from '../helpers/zip-bombs.ts';
import { zh } from '../../src/ui/i18n/zh.ts';

const FILES = '选择文件（GeoJSON、Shapefile、KML/KMZ、GPX、CSV 坐标表）';
const SMALL = 'tests/fixtures/interchange/parcels-libkml.kml';

describe('hostile and slow files in the import dialog', () => {
  let app: OpenedApp;
  let page: Page;
  // 100,000 placemarks, then a tag that does not match: read to the end, it fails as xml_invalid.
  const big = join(mkdtempSync(join(tmpdir(), 'fulv-cancel-')), 'slow-broken.kml');
  writeFileSync(big, `${[...parcelsKml(100_000)].join('').replace(/<\/Folder><\/Document><\/kml>\n$/, '')}<Placemark></Folder></Document></kml>`);

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Chooses the big file and waits until the import worker (the one there, or a new one) is reading it. */
  async function startSlowRead(): Promise<Worker> {
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    const existing = page.workers().find((w) => /import/.test(w.url()));
    const workerStarted = existing ? Promise.resolve(existing) : page.waitForEvent('worker', { predicate: (w) => /import/.test(w.url()) });
    await dialog.getByLabel(FILES).setInputFiles(big);
    const worker = await workerStarted;
    await dialog.getByRole('status').filter({ hasText: /正在(解压|读取|转换坐标|检查要素)/ }).waitFor();
    return worker;
  }

  async function expectSmallPreview(): Promise<void> {
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    const preview = dialog.getByRole('region', { name: '预览' });
    await preview.waitFor({ timeout: 20_000 });
    await expect(preview.getByRole('definition').first().textContent()).resolves.toBe('parcels-libkml.kml');
    expect(Number(await preview.locator('[data-figure=count]').textContent())).toBeGreaterThan(0);
    expect(await dialog.getByRole('alert').count()).toBe(0);
  }

  it('refuses a KMZ bomb in seconds, saying it unpacks past the limit', async () => {
    const bomb = join(mkdtempSync(join(tmpdir(), 'fulv-bomb-')), 'bomb.kmz');
    writeFileSync(bomb, bombZip([{ name: 'doc.kml', head: KML_HEAD, unit: SPACES, times: 175, tail: KML_TAIL }]));
    await page.getByRole('button', { name: '导入数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入数据' });
    const chosen = performance.now();
    await dialog.getByLabel(FILES).setInputFiles(bomb);
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(performance.now() - chosen).toBeLessThan(15_000);
    await expect(alert.textContent()).resolves.toContain(zh['ioError.zip_too_large']);
    await expect(alert.textContent()).resolves.toContain('512 MB');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('Cancel terminates the worker, and the next file shows its own preview with no failure of the first', async () => {
    await page.getByRole('button', { name: '导入数据…' }).click();
    const worker = await startSlowRead();
    const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
    await page.getByRole('dialog', { name: '导入数据' }).getByRole('button', { name: '取消' }).click();
    await closed;

    await page.getByRole('button', { name: '导入数据…' }).click();
    const chosen = performance.now();
    await page.getByRole('dialog', { name: '导入数据' }).getByLabel(FILES).setInputFiles(SMALL);
    await expectSmallPreview();
    // Had the first read gone on, its failure would come after the whole 45 MB was read.
    await page.waitForTimeout(3000);
    expect(await page.getByRole('dialog', { name: '导入数据' }).getByRole('alert').count()).toBe(0);
    expect(performance.now() - chosen).toBeLessThan(30_000);
    await page.getByRole('dialog', { name: '导入数据' }).getByRole('button', { name: '取消' }).click();
  });

  it('choosing another file while one is read stops the first read', async () => {
    await page.getByRole('button', { name: '导入数据…' }).click();
    const worker = await startSlowRead();
    const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
    await page.getByRole('dialog', { name: '导入数据' }).getByLabel(FILES).setInputFiles(SMALL);
    await closed;
    await expectSmallPreview();
    await page.waitForTimeout(3000);
    expect(await page.getByRole('dialog', { name: '导入数据' }).getByRole('alert').count()).toBe(0);
  });
});
