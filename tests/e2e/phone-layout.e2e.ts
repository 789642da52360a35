// A surveyor on a phone (390×844, touch): the map fills the screen above the bottom sheet; the
// survey tab is reached in the sheet; a polygon is digitised with the crosshair, the map panned
// by a finger between vertices (no pan adds a vertex), finished, its area read against an
// independent reference, its form filled, a before photo added, the parcel handed over for
// acceptance; after a reload all of it is still there. Nothing reaches past the screen's edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { centroid } from '@turf/turf';
import { PNG } from 'pngjs';
import { openApp, type OpenedApp, screenPoint, waitForMapIdle } from './browser.ts';
import { parseNumber } from './survey-helpers.ts';
import { sidewaysOverflow, smallTargets, touchDrag } from './touch.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

// An untreated parcel, about 210 m × 165 m: the polygon is drawn well inside it.
const P = 'QA-M01-P4';
const parcel = demoProgramme().parcels.features.find((f) => f.properties.id === P)!;
const inside = centroid(parcel).geometry.coordinates as [number, number];

type MapHandle = { jumpTo(o: object): void; getCenter(): { lng: number; lat: number } };
const centre = (page: Page) => page.evaluate(() => {
  const c = (window as unknown as { __fulvMap: MapHandle }).__fulvMap.getCenter();
  return [c.lng, c.lat] as [number, number];
});

function png(): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(120);
  return PNG.sync.write(image);
}

describe('phone layout', () => {
  let app: OpenedApp;
  let page: Page;
  const sheet = () => page.getByRole('region', { name: '面板', exact: true });
  const inspector = () => page.getByRole('complementary', { name: '属性' });
  // The edit history sits in the survey tab, behind the inspector while one is shown.
  const saved = () => expect.poll(() => sheet().getByRole('region', { name: '外业调查', exact: true, includeHidden: true }).getByRole('region', { name: '编辑历史', includeHidden: true }).getByRole('status', { includeHidden: true }).textContent(), { timeout: 15_000 }).toBe('已保存');
  const openSurveyTab = async () => {
    const tab = sheet().getByRole('tab', { name: '外业调查' });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.tap();
  };

  beforeAll(async () => {
    app = await openApp({ viewport: 'phone', touch: true, watch: (p) => p.on('dialog', (d) => void d.accept()) });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('leaves the map at least 60% of the screen with the sheet at peek, and nothing reaches past the screen', async () => {
    await expect(sheet().getByRole('button', { name: /面板高度：收起/ }).isVisible()).resolves.toBe(true);
    const map = (await page.getByRole('region', { name: '计划地图' }).boundingBox())!;
    expect((map.width * map.height) / (390 * 844)).toBeGreaterThanOrEqual(0.6);
    const overflow = await sidewaysOverflow(page);
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    // The handle cycles the sheet's height, for a finger or a keyboard.
    await sheet().getByRole('button', { name: /面板高度/ }).tap();
    await expect.poll(() => sheet().getByRole('button', { name: /面板高度/ }).getAttribute('aria-label')).toContain('半屏');
    await expect.poll(async () => (await sheet().boundingBox())!.height).toBeGreaterThan(844 * 0.4);
    // Dragged by the handle, it snaps to the nearest height: up to full, down to peek.
    // Where the handle rests once the sheet has finished moving (it animates between heights).
    const handle = async () => {
      const box = () => sheet().getByRole('button', { name: /面板高度/ }).boundingBox();
      let last = (await box())!;
      for (;;) {
        await page.waitForTimeout(150);
        const now = (await box())!;
        if (now.y === last.y) return now;
        last = now;
      }
    };
    let h = await handle();
    await touchDrag(page, { x: h.x + h.width / 2, y: h.y + h.height / 2 }, { x: h.x + h.width / 2, y: 60 });
    await expect.poll(() => sheet().getByRole('button', { name: /面板高度/ }).getAttribute('aria-label')).toContain('全屏');
    h = await handle();
    await touchDrag(page, { x: h.x + h.width / 2, y: h.y + h.height / 2 }, { x: h.x + h.width / 2, y: 800 });
    await expect.poll(() => sheet().getByRole('button', { name: /面板高度/ }).getAttribute('aria-label')).toContain('收起');
  });

  it('gives every control in every role panel a fingertip-sized target, at full height', async () => {
    await page.waitForTimeout(300);
    while (!/全屏/.test((await sheet().getByRole('button', { name: /面板高度/ }).getAttribute('aria-label')) ?? '')) {
      await sheet().getByRole('button', { name: /面板高度/ }).tap();
    }
    const small: string[] = [];
    for (const role of ['图层', '外业调查', '冲突分析', '审查验收']) {
      await sheet().getByRole('tab', { name: role }).tap();
      await page.waitForTimeout(300);
      // Scroll the sheet through, so every control comes into view once.
      const height = await sheet().locator('.sheet-body').evaluate((b) => b.scrollHeight);
      for (let top = 0; top < height; top += 500) {
        await sheet().locator('.sheet-body').evaluate((b, y) => { b.scrollTop = y; }, top);
        small.push(...(await smallTargets(page)).map((s) => `${role}: ${s}`));
      }
      await sheet().locator('.sheet-body').evaluate((b) => { b.scrollTop = 0; });
    }
    expect([...new Set(small)]).toEqual([]);
    await sheet().getByRole('button', { name: /面板高度/ }).tap();
    await sheet().getByRole('tab', { name: '图层' }).tap();
  });

  it('digitises a polygon with the crosshair, fills its form, adds a before photo, submits for acceptance, and keeps it all over a reload', async () => {
    await openSurveyTab();
    await sheet().getByRole('textbox', { name: '调查人姓名' }).fill('李工');
    await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c, zoom: 17 }), inside);
    await waitForMapIdle(page);
    await sheet().getByRole('button', { name: '绘制治理图斑' }).tap();
    // Drawing puts the sheet at peek, its drawing bar over the map, crosshair mode on (a touch screen).
    const bar = sheet().getByRole('region', { name: '正在绘制' });
    await bar.getByRole('button', { name: '添加顶点' }).waitFor();
    await expect(page.locator('.crosshair').count()).resolves.toBe(1);

    const mapBox = (await page.getByRole('region', { name: '计划地图' }).boundingBox())!;
    const mid = { x: mapBox.x + mapBox.width / 2, y: mapBox.y + mapBox.height / 2 };
    // Finger pans between vertices: the map moves, the crosshair stays at the centre.
    const pans: [number, number][] = [[0, 0], [-90, 0], [0, -80], [90, 0]];
    const ring: [number, number][] = [];
    for (const [dx, dy] of pans) {
      if (dx || dy) {
        await touchDrag(page, { x: mid.x - dx / 2, y: mid.y - dy / 2 }, { x: mid.x + dx / 2, y: mid.y + dy / 2 });
        await waitForMapIdle(page);
      }
      ring.push(await centre(page));
      await bar.getByRole('button', { name: '添加顶点' }).tap();
    }
    // A tap on the map in crosshair mode adds nothing: the live area is the four vertices'.
    await page.touchscreen.tap(mid.x + 40, mid.y + 30);
    const reference = equalAreaReference({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
    const live = parseNumber((await bar.getByRole('status', { name: '当前面积' }).locator('[data-unit=m2]').textContent())!);
    expect(Math.abs(live - reference)).toBeLessThanOrEqual(1 + reference * 1e-5);
    // Undo takes the last vertex back: with the crosshair on the third vertex, the outline is
    // the first three's triangle; the fourth is then added again.
    await bar.getByRole('button', { name: '撤销顶点' }).tap();
    await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c }), ring[2]!);
    const triangle = equalAreaReference({ type: 'Polygon', coordinates: [[...ring.slice(0, 3), ring[0]!]] });
    await expect.poll(async () => parseNumber((await bar.getByRole('status', { name: '当前面积' }).locator('[data-unit=m2]').textContent())!)).toBeCloseTo(triangle, -1);
    await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c }), ring[3]!);
    await bar.getByRole('button', { name: '添加顶点' }).tap();
    await bar.getByRole('button', { name: '完成绘制' }).tap();
    await saved();

    // The inspector opens in the sheet with the stored area.
    const m2 = parseNumber((await inspector().locator('[data-unit=m2]').first().textContent())!);
    expect(Math.abs(m2 - reference)).toBeLessThanOrEqual(1 + reference * 1e-5);
    const form = inspector().getByRole('form', { name: '治理图斑属性' });
    await form.getByRole('combobox', { name: '治理措施' }).selectOption({ label: '地貌修复' });
    await form.getByRole('textbox', { name: '备注' }).fill('手机上画的');
    await form.getByRole('button', { name: '保存属性' }).tap();
    await saved();
    await inspector().getByLabel('添加治理前照片', { exact: true }).setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: png() });
    await inspector().getByRole('img', { name: /治理前 · 照片 before\.png/ }).waitFor();

    // Back to the survey tab, the selection kept: hand the parcel over.
    await sheet().getByRole('button', { name: '返回面板' }).tap();
    const actions = sheet().getByRole('region', { name: '所选图斑' });
    await expect.poll(() => actions.textContent()).toContain(`（${P}）· 治理中`);
    await actions.getByRole('button', { name: '治理完成，提交验收' }).tap();
    await expect.poll(() => actions.textContent()).toContain('已治理');
    await saved();

    await page.reload();
    await page.getByRole('status').filter({ hasText: '图斑' }).first().waitFor();
    await waitForMapIdle(page);
    await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c, zoom: 17 }), ring[0]!);
    await waitForMapIdle(page);
    const lon = ring.reduce((s, p) => s + p[0], 0) / 4;
    const lat = ring.reduce((s, p) => s + p[1], 0) / 4;
    const { x, y } = await screenPoint(page, [lon, lat]);
    await page.touchscreen.tap(x, y);
    await expect.poll(() => form.getByRole('textbox', { name: '备注' }).inputValue()).toBe('手机上画的');
    await expect(form.getByRole('combobox', { name: '治理措施' }).inputValue()).resolves.toBe('landform');
    await inspector().getByRole('img', { name: /治理前 · 照片 before\.png/ }).waitFor();
    const again = parseNumber((await inspector().locator('[data-unit=m2]').first().textContent())!);
    expect(Math.abs(again - reference)).toBeLessThanOrEqual(1 + reference * 1e-5);
    await sheet().getByRole('button', { name: '返回面板' }).tap();
    await openSurveyTab();
    await expect.poll(() => actions.textContent()).toContain(`（${P}）· 已治理`);
    await expect(sheet().getByRole('textbox', { name: '调查人姓名' }).inputValue()).resolves.toBe('李工');
    expect((await sidewaysOverflow(page)).wide).toEqual([]);
  });
});
