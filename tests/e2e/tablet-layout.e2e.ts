// A planner on a tablet held upright (768×1024, touch): the conflict list in the side panel, a
// tapped row opens the inspector, and the map keeps at least half the width; the side panel
// collapses and stays collapsed after a reload; nothing reaches past the screen's edge.
// The header fits in both languages at every size (see "tablet header" below).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp, waitForMapIdle } from './browser.ts';
import { sidewaysOverflow } from './touch.ts';

const WIDTH = 768;

describe('tablet layout', () => {
  let app: OpenedApp;
  let page: Page;
  const mapWidth = async () => (await page.getByRole('region', { name: '计划地图' }).boundingBox())!.width;

  beforeAll(async () => {
    app = await openApp({ viewport: { width: WIDTH, height: 1024 }, touch: true, watch: (p) => p.on('dialog', (d) => void d.accept()) });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the conflicts, taps a row, shows the inspector, and keeps the map at least half the width', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).tap();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor();
    const row = list.getByRole('button', { name: /^在地图上查看图斑 / }).first();
    const name = (await row.getAttribute('aria-label')) ?? (await row.textContent())!;
    await row.tap();
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    expect(name).toMatch(/QA-/);
    await waitForMapIdle(page);
    expect(await mapWidth()).toBeGreaterThanOrEqual(WIDTH / 2);
    // Side panel and inspector are both on screen beside the map.
    expect((await list.boundingBox())!.width).toBeGreaterThan(100);
    expect((await inspector.boundingBox())!.width).toBeGreaterThan(100);
    expect((await sidewaysOverflow(page)).wide).toEqual([]);
    await page.screenshot({ path: '/tmp/tablet-open.png' });
  });

  it('collapses the side panel and the inspector to widen the map, and remembers them over a reload', async () => {
    const before = await mapWidth();
    await page.getByRole('button', { name: '收起侧边栏' }).tap();
    await page.getByRole('button', { name: '收起属性面板' }).tap();
    // Two 44 px strips are left, each with its button.
    await expect.poll(mapWidth).toBe(WIDTH - 2 * 44);
    expect(before).toBeLessThan(WIDTH - 2 * 44);
    await page.screenshot({ path: '/tmp/tablet-collapsed.png' });
    await expect(page.getByRole('button', { name: '展开侧边栏' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await page.reload();
    await page.getByRole('status').filter({ hasText: '图斑' }).first().waitFor();
    await expect(page.getByRole('button', { name: '展开侧边栏' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('tab', { name: '冲突分析' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '展开侧边栏' }).tap();
    await page.getByRole('tab', { name: '冲突分析' }).waitFor();
    await page.getByRole('button', { name: '收起侧边栏' }).waitFor();
  });

  it('keeps the selection and the view when turned sideways, and when a browser zoom makes it a phone layout', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).tap();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor();
    await list.getByRole('button', { name: /^在地图上查看图斑 / }).first().tap();
    // The inspector was left collapsed (and remembered so): its strip opens it.
    await page.getByRole('button', { name: '展开属性面板' }).tap();
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    await waitForMapIdle(page);
    const view = () => page.evaluate(() => {
      const map = (window as unknown as { __fulvMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__fulvMap;
      return { lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() };
    });
    const before = await view();
    await page.setViewportSize({ width: 1024, height: 768 });
    await waitForMapIdle(page);
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    expect(await mapWidth()).toBeGreaterThanOrEqual(1024 / 2);
    // 200% zoom of a 1024 px wide window: 512 CSS px, a phone's layout; the map is built anew.
    await page.setViewportSize({ width: 512, height: 384 });
    await waitForMapIdle(page);
    await inspector.getByRole('region', { name: '与保护缓冲区重叠' }).waitFor();
    await expect(page.getByRole('region', { name: '面板', exact: true }).isVisible()).resolves.toBe(true);
    const after = await view();
    expect(after.zoom).toBeCloseTo(before.zoom, 5);
    expect(after.lng).toBeCloseTo(before.lng, 6);
    expect(after.lat).toBeCloseTo(before.lat, 6);
    expect((await sidewaysOverflow(page)).wide).toEqual([]);
  });
});

// The header in both languages (English is the longer): the subtitle stays on at most two lines
// (or is left out), nothing in it overlaps, and the open programme menu leaves Settings uncovered.
describe('tablet header', () => {
  const words = {
    zh: { settings: '设置', actions: '项目操作' },
    en: { settings: 'Settings', actions: 'Programme actions' },
  } as const;
  for (const lang of ['zh', 'en'] as const) {
    it(`fits at 768×1024 and beside it, in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const app = await openApp({ viewport: { width: WIDTH, height: 1024 }, touch: true, query: lang === 'en' ? '?lang=en' : '' });
      try {
        const page = app.page;
        const header = page.getByRole('banner');
        for (const size of [{ width: WIDTH, height: 1024 }, { width: 1024, height: 768 }, { width: 1280, height: 800 }, { width: 390, height: 844 }]) {
          await page.setViewportSize(size);
          await page.waitForTimeout(300);
          const where = `${lang} ${size.width}×${size.height}`;
          const subtitle = await header.locator('.subtitle').evaluate((p) => {
            const box = p.getBoundingClientRect();
            return { height: box.height, line: parseFloat(getComputedStyle(p).lineHeight) || parseFloat(getComputedStyle(p).fontSize) * 1.2 };
          });
          expect(Math.round(subtitle.height / subtitle.line), `${where}: lines of the subtitle`).toBeLessThanOrEqual(2);
          // No two of the header's parts overlap (a hidden part has no box).
          const overlaps = await header.evaluate((h) => {
            const parts = [...h.children].map((c) => ({ name: `${c.tagName.toLowerCase()}.${c.className}`, r: c.getBoundingClientRect() })).filter((p) => p.r.width > 0 && p.r.height > 0);
            const found: string[] = [];
            for (const [i, a] of parts.entries()) {
              for (const b of parts.slice(i + 1)) {
                if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1) found.push(`${a.name} / ${b.name}`);
              }
            }
            return found;
          });
          expect(overlaps, where).toEqual([]);
          const toggle = header.getByRole('button', { name: words[lang].actions, exact: true });
          await toggle.tap();
          const menu = header.getByRole('group', { name: words[lang].actions });
          await menu.waitFor();
          const settings = header.getByRole('button', { name: words[lang].settings, exact: true });
          const [m, b] = [(await menu.boundingBox())!, (await settings.boundingBox())!];
          const apart = m.x + m.width <= b.x || b.x + b.width <= m.x || m.y + m.height <= b.y || b.y + b.height <= m.y;
          expect(apart, `${where}: the programme menu ${JSON.stringify(m)} covers Settings ${JSON.stringify(b)}`).toBe(true);
          // And Settings is what a finger on it touches.
          const onTop = await settings.evaluate((button) => {
            const r = button.getBoundingClientRect();
            return button.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
          });
          expect(onTop, where).toBe(true);
          expect(b.x + b.width, where).toBeLessThanOrEqual(size.width);
          await toggle.tap();
          await menu.waitFor({ state: 'hidden' });
        }
      } finally {
        await app.close();
      }
    });
  }
});

