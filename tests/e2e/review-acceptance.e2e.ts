// Acceptance in the browser: a reviewer accepts a parcel with a note, and its status, its history
// and the dashboard change; a surveyor then moves a treated polygon of that parcel, which reopens
// it — a new version that needs acceptance again — with the reason in its history.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pointOnFeature } from '@turf/turf';
import { launchBrowser, openApp, screenPoint, waitForMapIdle } from './browser.ts';
import { frame, openReview } from './review-helpers.ts';
import { openSurvey } from './survey-helpers.ts';
import { demoProgramme } from '../helpers/demo-files.ts';

const programme = demoProgramme();
// A finished parcel with one treated polygon, a simple ring (the shape editor does not take holes).
const PARCEL = 'QA-M04-P1';
const parcel = programme.parcels.features.find((p) => p.properties.id === PARCEL)!;
const treated = programme.treated.features.find((f) => f.properties.parcel_id === PARCEL)!;
const finishedBefore = programme.parcels.features.filter((p) => ['accepted', 'closed'].includes(p.properties.status)).length;
const total = programme.parcels.features.length;

describe('acceptance', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  // Each test has a page of its own (a new browser context: its own IndexedDB), the demo as shipped.
  beforeEach(async () => {
    ({ page } = await openApp({ browser, watch: (p) => p.on('dialog', (d) => void d.accept()) }));
  });
  afterEach(async () => {
    await page?.context().close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const acceptance = () => page.getByRole('region', { name: '图斑验收' });
  const acceptedParcels = () => page.getByRole('region', { name: '目标任务与治理进度' }).locator('[data-figure=accepted-parcels]').textContent();
  const pick = () => page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: `在地图上查看图斑 ${parcel.properties.name}（${PARCEL}）` }).click();
  const accept = async (note: string) => {
    await acceptance().getByRole('textbox', { name: '审查意见' }).fill(note);
    await acceptance().getByRole('button', { name: '通过验收' }).click();
    await expect.poll(() => acceptance().getByRole('status').textContent()).toBe('当前状态：已验收');
  };

  it('accepts a finished parcel: status, history and dashboard follow', async () => {
    expect(parcel.properties.status).toBe('treated');
    await openReview(page);
    await page.getByRole('button', { name: '打开进度看板' }).click();
    await expect.poll(acceptedParcels, { timeout: 20_000 }).toBe(`${finishedBefore} / ${total}`);

    await pick();
    await expect.poll(() => acceptance().getByRole('status').textContent()).toBe('当前状态：已治理');
    await accept('现场核实，覆土和植被达标');

    const history = acceptance().getByRole('region', { name: '验收记录' });
    const steps = history.getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(2);
    const step = (await steps.nth(1).textContent())!;
    expect(step).toContain('通过验收 → 已验收');
    expect(step).toContain('王审');
    expect(step).toContain('现场核实，覆土和植被达标');
    expect(step).toContain(`冻结了 ${programme.treated.features.filter((f) => f.properties.parcel_id === PARCEL).length} 个治理图斑`);
    await expect.poll(acceptedParcels).toBe(`${finishedBefore + 1} / ${total}`);
    // The parcel left the list of those awaiting acceptance.
    await expect.poll(() => page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: new RegExp(PARCEL) }).count()).toBe(0);
  });

  it('reopens the parcel when a surveyor later moves one of its accepted polygons', async () => {
    await openReview(page);
    await pick();
    await accept('');
    await openSurvey(page);
    await frame(page, treated.geometry, 160);
    await waitForMapIdle(page);
    const inside = await screenPoint(page, pointOnFeature(treated).geometry.coordinates as [number, number]);
    await page.mouse.click(inside.x, inside.y);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('button', { name: '编辑形状' }).click();
    await page.waitForTimeout(300);
    await page.mouse.move(inside.x, inside.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(inside.x + i * 5, inside.y + i * 3);
    await page.mouse.up();
    await inspector.getByRole('button', { name: '完成编辑形状' }).click();
    await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).first().getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');

    await openReview(page);
    await pick();
    await expect.poll(() => acceptance().getByRole('status').textContent()).toBe('当前状态：已治理');
    const steps = acceptance().getByRole('region', { name: '验收记录' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(3);
    const reopen = (await steps.nth(2).textContent())!;
    expect(reopen).toContain('重新打开 → 已治理');
    expect(reopen).toContain(`已验收的治理图斑 ${treated.properties.id} 被修改了形状，需重新验收`);
    expect(reopen).toContain('张工');
    // The acceptance itself stays in the history.
    expect(await steps.nth(1).textContent()).toContain('通过验收 → 已验收');

    await page.getByRole('button', { name: '打开进度看板' }).click();
    await expect.poll(acceptedParcels, { timeout: 20_000 }).toBe(`${finishedBefore} / ${total}`);
  });
});
