// "Saved" means on disk: the browser process is killed (SIGKILL) the moment the UI says so, then
// started again on the same profile, twenty times over; and two pages of one profile see each
// other's edits without a reload, and concurrent edits to different polygons both survive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadApp, openApp } from './browser.ts';
import { killChromium as kill, startChromium, type RunningChromium as Running } from './killable-chromium.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openPolygonAt, openSurvey } from './survey-helpers.ts';

const baseUrl = inject('baseUrl');
const KILLS = 20;

async function appPage(running: Running): Promise<Page> {
  const page = await running.browser.contexts()[0]!.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  page.on('dialog', (d) => void d.accept());
  await loadApp(page, baseUrl);
  await openSurvey(page);
  return page;
}

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
}

describe('durability', () => {
  const profiles: string[] = [];
  afterAll(() => {
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every edit reported as saved when the browser is killed right after, ${KILLS} times`, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'fulv-kill-'));
    profiles.push(profile);
    let running = await startChromium(profile);
    let page = await appPage(running);
    const centre = await goToEmptyGround(page, [118.66, 39.97]);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    await clickPolygon(page, await mapOffsets(page, [[-60, -60], [60, -60], [60, 60], [-60, 60]]));
    await saved(page);
    await kill(running);

    let losses = 0;
    for (let i = 1; i <= KILLS; i++) {
      running = await startChromium(profile);
      page = await appPage(running);
      await openPolygonAt(page, centre);
      const note = page.getByRole('form', { name: '治理图斑属性' }).getByRole('textbox', { name: '备注' });
      const expected = i === 1 ? '' : `第 ${i - 1} 次`;
      if ((await note.inputValue()) !== expected) losses++;
      await note.fill(`第 ${i} 次`);
      await page.getByRole('button', { name: '保存属性' }).click();
      await saved(page);
      await kill(running);
    }
    running = await startChromium(profile);
    page = await appPage(running);
    await openPolygonAt(page, centre);
    if ((await page.getByRole('form', { name: '治理图斑属性' }).getByRole('textbox', { name: '备注' }).inputValue()) !== `第 ${KILLS} 次`) losses++;
    await running.browser.close();
    await kill(running).catch(() => undefined);
    expect(losses).toBe(0);
  }, 400_000);

  it('shows one page’s edits in another page of the same profile, and keeps concurrent edits to different polygons', async () => {
    const app = await openApp();
    // A second page of the same context shares its IndexedDB, as a second tab of a profile does.
    const [a, b] = [app.page, await app.context.newPage()];
    b.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await loadApp(b, baseUrl);
    for (const page of [a, b]) await openSurvey(page);
    const count = async (page: Page) => Number(/(\d+) 个治理图斑/.exec((await page.getByRole('status').filter({ hasText: '座矿山' }).textContent())!)![1]);
    const start = await count(a);
    expect(await count(b)).toBe(start);

    await goToEmptyGround(a, [118.60, 40.12]);
    await goToEmptyGround(b, [118.75, 40.12]);
    for (const page of [a, b]) await page.getByRole('button', { name: '绘制治理图斑' }).click();
    const square = [[-50, -50], [50, -50], [50, 50], [-50, 50]] as [number, number][];
    // Both pages close their polygons at the same moment.
    await Promise.all([clickPolygon(a, await mapOffsets(a, square)), clickPolygon(b, await mapOffsets(b, square))]);
    await Promise.all([saved(a), saved(b)]);
    await expect.poll(() => count(a), { timeout: 15_000 }).toBe(start + 2);
    await expect.poll(() => count(b), { timeout: 15_000 }).toBe(start + 2);

    await a.reload();
    await a.getByRole('status').filter({ hasText: '座矿山' }).waitFor();
    await expect.poll(() => count(a)).toBe(start + 2);
    await app.close();
  });
});
