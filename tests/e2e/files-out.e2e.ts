// Files the app writes, as a user gets them: the programme is the demo with a township and a
// mine whose names are spreadsheet formulas (as an imported or hand-typed name may be). The
// conflict list, filtered to that township, and a dashboard table export as CSV whose cells GDAL
// reads back neutralised (OWASP: a leading quote before = + - @); the conflict list's .xlsx holds
// the same text as text; a GeoJSON export of two layers is one download named for the
// programme, the scope and the day.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { openApp, type OpenedApp } from './browser.ts';
import { openReview } from './review-helpers.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { ogrFeatures, scratchDir, tool, writeScratch } from '../helpers/gdal.ts';

const programme = demoProgramme();
const dir = scratchDir('files-out-e2e');
const TOWNSHIP = programme.townships[0]!;
const HOSTILE_TOWNSHIP = `=HYPERLINK("http://example.com/x","${TOWNSHIP.name}")`;
const HOSTILE_MINE_PREFIX = '@SUM(1+1)';
const OWASP_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

async function save(download: Download): Promise<string> {
  return writeScratch(dir, `${Date.now()}-${download.suggestedFilename()}`, readFileSync((await download.path())!));
}

/** Rows of a downloaded table as GDAL's CSV or XLSX driver reads them (text as text). */
function read(path: string, options: string[] = []): Record<string, unknown>[] {
  const json = JSON.parse(tool('ogr2ogr', ['-f', 'GeoJSON', ...options, '/vsistdout/', path])) as { features: { properties: Record<string, unknown> }[] };
  return json.features.map((f) => f.properties);
}

function expectNoFormulaCells(rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    for (const cell of Object.values(row)) {
      if (typeof cell === 'string') expect(!OWASP_START.test(cell) || NUMBER.test(cell), cell).toBe(true);
    }
  }
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

describe('files out', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({
      // The service worker is kept out so that the programme's files are fetched where the test sees them.
      context: { serviceWorkers: 'block', acceptDownloads: true },
      prepare: (context) => context.route(/\/assets\/programme-[^/]*\.json$/, async (route) => {
        const meta = await (await route.fetch()).json() as typeof programme;
        meta.townships = meta.townships.map((t) => (t.id === TOWNSHIP.id ? { ...t, name: HOSTILE_TOWNSHIP } : t));
        meta.mines = meta.mines.map((m) => (m.township_id === TOWNSHIP.id ? { ...m, name: `${HOSTILE_MINE_PREFIX}${m.name}` } : m));
        await route.fulfill({ json: meta });
      }),
    });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports the conflict list, filtered to a township, as CSV with formula text neutralised and as XLSX with it as text', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).click();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor({ timeout: 60_000 });
    await list.getByRole('combobox', { name: '乡镇' }).selectOption({ label: HOSTILE_TOWNSHIP });
    const shown = Number(/(\d+) 个图斑/.exec((await list.getByRole('status').textContent())!)![1]);
    expect(shown).toBeGreaterThan(0);

    const csv = await downloadOf(page, () => list.getByRole('button', { name: '将冲突图斑列表（按当前筛选）导出为 CSV' }).click());
    expect(csv.suggestedFilename()).toMatch(/^冲突图斑_=HYPERLINK\(_http_/);
    expect(csv.suggestedFilename()).toMatch(/_\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = await save(csv);
    expect(readFileSync(csvPath).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = read(csvPath);
    // The filter applied: only the township's parcels, as many as the list shows.
    expect(rows).toHaveLength(shown);
    for (const row of rows) {
      expect(row['乡镇']).toBe(`'${HOSTILE_TOWNSHIP}`);
      expect(String(row['矿山'])).toMatch(/^'@SUM\(1\+1\)/);
    }
    expectNoFormulaCells(rows);

    const xlsx = await downloadOf(page, () => list.getByRole('button', { name: '将冲突图斑列表（按当前筛选）导出为 Excel（.xlsx）' }).click());
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxPath = await save(xlsx);
    const sheet = read(xlsxPath, ['-oo', 'HEADERS=FORCE']);
    expect(sheet).toHaveLength(shown);
    expect(sheet[0]!['乡镇']).toBe(HOSTILE_TOWNSHIP);
    expect(typeof sheet[0]!['重叠面积（亩）']).toBe('number');
    const sheetXml = new TextDecoder().decode(unzipSync(readFileSync(xlsxPath))['xl/worksheets/sheet1.xml']);
    expect(sheetXml).not.toMatch(/<f[ >]/);
  });

  it('exports a dashboard table whose township cell is neutralised', async () => {
    await openReview(page);
    await page.getByRole('button', { name: '打开进度看板' }).click();
    const dashboard = page.getByRole('region', { name: '目标任务与治理进度' });
    await dashboard.locator('[data-figure=treated]').waitFor({ timeout: 30_000 });
    const csv = await downloadOf(page, () => page.getByRole('button', { name: '将“按乡镇（全部年度）”导出为 CSV' }).click());
    const rows = read(await save(csv));
    expect(rows.map((r) => r['乡镇'])).toContain(`'${HOSTILE_TOWNSHIP}`);
    expectNoFormulaCells(rows);
    await dashboard.getByRole('button', { name: '关闭进度看板' }).click();
  });

  it('exports parcels and treated polygons of a township as GeoJSON in one download named for programme, scope and day', async () => {
    const other = programme.townships[1]!;
    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('button', { name: '导出数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出数据' });
    await dialog.getByRole('combobox', { name: '导出范围' }).selectOption({ label: `乡镇：${other.name}` });
    await dialog.getByRole('combobox', { name: '格式' }).selectOption('geojson');
    let downloads = 0;
    page.on('download', () => downloads++);
    const file = await downloadOf(page, () => dialog.getByRole('button', { name: '导出', exact: true }).click());
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('已导出');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(file.suggestedFilename()).toBe(`${programme.name}_${other.name}_${today}.zip`);
    // A second download would have started with the first.
    await page.waitForTimeout(1000);
    expect(downloads).toBe(1);
    const path = await save(file);
    const mines = new Set(programme.mines.filter((m) => m.township_id === other.id).map((m) => m.id));
    const parcels = ogrFeatures(tool('ogrinfo', ['-ro', '-al', '-q', `/vsizip/${path}/parcels.geojson`]));
    expect(parcels.length).toBe(programme.parcels.features.filter((p) => mines.has(p.properties.mine_id)).length);
    expect(tool('ogrinfo', ['-ro', '-so', `/vsizip/${path}/treated.geojson`])).toMatch(/treated/);
    await dialog.getByRole('button', { name: '关闭导出' }).click();
  });
});
