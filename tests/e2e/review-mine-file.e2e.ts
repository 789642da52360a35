// One file per mine (一矿一档) in the browser: its figures agree with independent sums of the data
// files; its sketch map has a legend and parcel labels; in print media only the file shows;
// Chromium prints it to an A4 PDF whose text has the programme, the print date, the mine's name
// and figures, "page n of N" on every page and a signature block; it exports as one
// self-contained HTML file carrying the same; the whole mine is accepted in one step, then sent
// back in one step with one note.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pointOnFeature } from '@turf/turf';
import { PNG } from 'pngjs';
import { launchBrowser, openApp, screenPoint, waitForMapIdle } from './browser.ts';
import { pdfPages, pdfText } from './pdf-text.ts';
import { frame, openReview } from './review-helpers.ts';
import { openSurvey, parseNumber } from './survey-helpers.ts';
import { loadGeos } from '../../src/domain/geos/geos-loader.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { referenceArea, toGeos, unionAll } from '../helpers/direct-overlay.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

const programme = demoProgramme();
const MINE = 'QA-M05';
const mine = programme.mines.find((m) => m.id === MINE)!;
const parcels = programme.parcels.features.filter((p) => p.properties.mine_id === MINE);
const MU_PER_M2 = 15 / 10000;
const TITLE = `一矿一档：${mine.name}`;
const finished = parcels.find((p) => p.properties.status === 'treated')!;
const finishedTreated = programme.treated.features.find((f) => f.properties.parcel_id === finished.properties.id)!;

function png(grey: number): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(grey);
  return PNG.sync.write(image);
}

async function treatedMu(): Promise<number> {
  const geos = await loadGeos();
  const union = unionAll(geos, programme.treated.features.map((f) => toGeos(geos, f.geometry)));
  const area = unionAll(geos, parcels.map((p) => toGeos(geos, p.geometry)));
  return referenceArea(geos, geos.GEOSIntersection(area, union)) * MU_PER_M2;
}

describe('mine file', () => {
  let browser: Browser;
  let page: Page;
  const file = (on = page) => on.getByRole('region', { name: TITLE });
  const figure = async (name: string, on = page) => (await file(on).locator(`[data-figure=${name}]`).textContent())!;

  /** Opens the mine's file from the list of parcels awaiting acceptance. */
  async function openMineFile(on: Page): Promise<void> {
    await openReview(on);
    await on.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: new RegExp(finished.properties.id) }).click();
    await on.getByRole('button', { name: `打开${mine.name}的一矿一档` }).click();
    await file(on).waitFor();
    // Figures fill in once the analysis has run.
    await file(on).locator('[data-figure=treated]').filter({ hasNotText: /^0\.00 亩$/ }).waitFor({ timeout: 20_000 });
  }

  /** A page of its own (a new browser context: its own IndexedDB) with the mine's file open, as the demo has it. */
  async function freshMineFile(): Promise<Page> {
    const { page: fresh } = await openApp({ browser });
    await openMineFile(fresh);
    return fresh;
  }
  const count = (statuses: string[]) => parcels.filter((p) => statuses.includes(p.properties.status)).length;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openApp({ browser }));
    // A surveyor photographs a treated polygon of the mine before and after the work.
    await openSurvey(page);
    await frame(page, finishedTreated.geometry, 160);
    await waitForMapIdle(page);
    const inside = await screenPoint(page, pointOnFeature(finishedTreated).geometry.coordinates as [number, number]);
    await page.mouse.click(inside.x, inside.y);
    const inspector = page.getByRole('complementary', { name: '属性' });
    for (const [name, grey] of [['治理前.png', 60], ['治理后.png', 200]] as const) {
      await inspector.getByLabel('添加照片（拍照或选择文件）').setInputFiles({ name, mimeType: 'image/png', buffer: png(grey) });
      await inspector.getByRole('img', { name: new RegExp(`照片 ${name}`) }).waitFor();
    }
    await openMineFile(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the mine’s figures as independent sums of the data files give them', async () => {
    expect(await figure('parcels')).toBe(String(parcels.length));
    const area = parcels.reduce((s, p) => s + equalAreaReference(p.geometry), 0) * MU_PER_M2;
    expect(Math.abs(parseNumber((await figure('area')).split('亩')[0]!) - area) / area).toBeLessThan(1e-4);
    expect(parseNumber((await figure('treated')).split('亩')[0]!)).toBeCloseTo(await treatedMu(), 1);
    expect(await file().getByRole('table').first().getByRole('row').count()).toBe(parcels.length + 1);
    expect(await file().getByRole('img', { name: `${mine.name}的图斑和治理图斑示意图` }).count()).toBe(1);
  });

  it('labels every parcel on the sketch map and explains its colours in a legend', async () => {
    const sketch = file().getByRole('img', { name: `${mine.name}的图斑和治理图斑示意图` });
    const labels = await sketch.locator('.sketch-label').allTextContents();
    expect(labels.sort()).toEqual(parcels.map((p) => p.properties.id).sort());
    const legend = await sketch.locator('.sketch-legend text').allTextContents();
    const statuses = [...new Set(parcels.map((p) => p.properties.status))];
    const names: Record<string, string> = { untreated: '未治理', in_progress: '治理中', treated: '已治理', accepted: '已验收', closed: '已销号', rejected: '验收不通过' };
    expect(legend).toEqual(expect.arrayContaining([...statuses.map((s) => `图斑：${names[s]}`), '治理图斑']));
  });

  it('shows a parcel’s photos before and after treatment side by side', async () => {
    const pair = file().getByRole('region', { name: `${finished.properties.name}：治理前后照片` });
    await expect.poll(() => pair.getByRole('img').evaluateAll((images) => images.map((i) => [i.getAttribute('alt'), (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth]))).toEqual([
      [expect.stringMatching(/^治理前：治理前\.png，/), 8],
      [expect.stringMatching(/^治理后：治理后\.png，/), 8],
    ]);
  });

  it('prints alone on A4: the print-media page shows only the file, and the PDF says its name and figures', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await file().getByRole('heading', { name: TITLE }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: '计划地图' }).isVisible()).toBe(false);
    expect(await page.getByRole('tablist', { name: '侧边栏' }).isVisible()).toBe(false);
    expect(await file().getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const figures = { area: await figure('area'), treated: await figure('treated'), rate: await figure('rate') };

    // As the browser's own print does: the page size and margins from the file's CSS.
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    if (process.env.FULV_KEEP_PDF) writeFileSync(process.env.FULV_KEEP_PDF, pdf);
    await page.emulateMedia({ media: 'screen' });
    const pages = pdfPages(pdf);
    expect(pages.count).toBeGreaterThanOrEqual(1);
    // A4 is 210 × 297 mm, i.e. 595.28 × 841.89 pt (Chromium rounds to its device pixels).
    expect(Math.abs(pages.width - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(pages.height - 841.89)).toBeLessThan(1.5);
    // Fonts map both dashes (U+2014, U+2015) to one glyph: compare them as one.
    const dashes = (s: string) => s.replace(/[—―]/g, '-');
    const text = dashes(pdfText(pdf).replace(/\s+/g, ''));
    const expected = (s: string) => dashes(s.normalize('NFKC').replace(/\s+/g, ''));
    expect(text).toContain(expected(TITLE));
    expect(text).toContain(expected(figures.area.split('（')[0]!));
    expect(text).toContain(expected(figures.treated));
    expect(text).toContain(expected(figures.rate));
    for (const p of parcels) expect(text).toContain(p.properties.id);

    // A document someone signs: the programme, when it was printed, every page numbered, and
    // the signature block.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(text).toContain(expected(`${programme.name}·${TITLE}`));
    expect(text).toContain(expected(`打印日期${today}`));
    expect(pages.count).toBeGreaterThan(1);
    for (let n = 1; n <= pages.count; n++) expect(text).toContain(expected(`第${n}页，共${pages.count}页`));
    expect(text).not.toContain(expected(`第${pages.count + 1}页`));
    expect(text).toContain(expected('验收签字验收人日期'));
    // The parcel table runs onto the second page, and its head is printed again there.
    expect(text.split(expected('编号名称损毁类型修复方向')).length - 1).toBe(2);
  });

  it('exports as one HTML file with the map, the figures and no controls', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), file().getByRole('button', { name: '导出为单个文件' }).click()]);
    expect(download.suggestedFilename()).toBe(`一矿一档-${MINE}.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<title>${TITLE}</title>`);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<svg');
    expect(html).toContain(await figure('treated'));
    expect(html).not.toContain('<button');
    // The same page margins (programme, date, "page n of N") and signature block as the print.
    expect(html).toMatch(/@bottom-center \{ content: "第 " counter\(page\) " 页，共 " counter\(pages\) " 页";/);
    expect(html).toContain(`@top-left { content: "${programme.name} · ${TITLE}";`);
    expect(html).toMatch(/@top-right \{ content: "打印日期 \d{4}-\d{2}-\d{2}";/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/<section class="mine-signature" aria-label="验收签字">/);
    // The photos travel inside the file.
    expect(html.match(/<img [^>]*src="data:image\/png;base64,/g)).toHaveLength(2);
  });

  it('accepts every finished parcel of the mine in one step', async () => {
    const on = await freshMineFile();
    // QA-M05 in the demo: two parcels treated, two closed (counted as accepted), two in progress.
    expect([count(['treated']), count(['closed']), count(['in_progress'])]).toEqual([2, 2, 2]);
    expect(await figure('accepted-parcels', on)).toBe('2');
    await file(on).getByRole('button', { name: '整矿通过验收（2 个图斑）' }).click();
    await expect.poll(() => figure('accepted-parcels', on)).toBe('4');
    expect(await file(on).getByRole('button', { name: /整矿通过验收/ }).count()).toBe(0);
    await on.context().close();
  });

  it('sends the whole mine back in one step, with one note recorded for every parcel', async () => {
    const on = await freshMineFile();
    await file(on).getByRole('button', { name: '整矿通过验收（2 个图斑）' }).click();
    await expect.poll(() => figure('accepted-parcels', on)).toBe('4');
    const decision = file(on).getByRole('region', { name: '整矿验收' });
    // The two just accepted; the closed ones are not sent back.
    const sendBack = decision.getByRole('button', { name: '整矿退回整改（2 个图斑）' });
    await sendBack.click();
    await expect.poll(() => decision.getByRole('alert').textContent()).toBe('退回整改时必须填写审查意见');
    expect(await figure('accepted-parcels', on)).toBe('4');

    const why = '覆土厚度不足，复查不合格';
    await decision.getByLabel('审查意见').fill(why);
    await sendBack.click();
    // Closed cases (销号) stay accepted: the flow sends back only work awaiting or given acceptance.
    await expect.poll(() => figure('accepted-parcels', on)).toBe('2');
    for (const p of parcels.filter((x) => x.properties.status === 'treated')) {
      await expect.poll(() => file(on).locator(`tr[data-row="${p.properties.id}"] td`).last().textContent()).toBe('验收不通过');
      const history = file(on).getByRole('region', { name: `${p.properties.name}（${p.properties.id}）验收记录`, exact: true });
      expect(await history.locator('li[data-action=send_back]').last().textContent()).toContain(why);
    }
    expect(await decision.count()).toBe(0);
    await on.context().close();
  });
});
