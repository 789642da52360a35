// A map a person can read, offline: zone, mine and place names drawn from local fonts with no
// request outside the app's origin (and none needed once offline), a selected parcel outlined
// without changing its colour, and its overlap with the buffers hatched.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import pointOnFeature from '@turf/point-on-feature';
import { openApp, screenPoint, waitForMapIdle, type OpenedApp } from './browser.ts';
import { mapShot, shareChanged, type Shot } from './map-pixels.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { BACKGROUND_COLOUR, DAMAGE_COLOURS, SELECTION_LINE } from '../../src/map/palette.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const programme = demoProgramme();
const MAP = /计划地图|Programme map/;
const LABEL_LAYERS = ['context-township-label', 'context-village-label', 'zones-label', 'zones-line-label', 'mines-label', 'parcels-label'];

type MapProbe = {
  jumpTo(o: object): void;
  getLayer(id: string): unknown;
  setLayoutProperty(id: string, name: string, value: unknown): void;
  queryRenderedFeatures(o?: object | [number, number], p?: object): { layer: { id: string }; properties: Record<string, unknown> }[];
  getCanvas(): HTMLCanvasElement;
};

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function pixel(shot: Shot, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * shot.width + Math.round(x)) * 4;
  return [shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!];
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => (window as unknown as { __fulvMap: MapProbe }).__fulvMap.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await waitForMapIdle(page);
}

async function showLabels(page: Page, visible: boolean): Promise<void> {
  await page.evaluate(([layers, v]) => {
    const map = (window as unknown as { __fulvMap: MapProbe }).__fulvMap;
    for (const id of layers) map.setLayoutProperty(id, 'visibility', v ? 'visible' : 'none');
  }, [LABEL_LAYERS, visible] as const);
  await waitForMapIdle(page);
}

/** Pixels of dark, near-neutral ink (the labels' text colour) in `a` where `b` has none. */
function inkAdded(a: Shot, b: Shot): number {
  const ink = (s: Shot, i: number) => {
    const [r, g, bl] = [s.data[i]!, s.data[i + 1]!, s.data[i + 2]!];
    return r < 110 && g < 110 && bl < 110 && Math.max(r, g, bl) - Math.min(r, g, bl) < 40;
  };
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (ink(a, i) && !ink(b, i)) n++;
  return n;
}

/** The most frequent colour in a square around a point (labels and lines cover only part of it). */
function commonColour(shot: Shot, cx: number, cy: number, half: number): [number, number, number] {
  const counts = new Map<string, number>();
  for (let y = cy - half; y <= cy + half; y++) {
    for (let x = cx - half; x <= cx + half; x++) {
      const key = pixel(shot, x, y).map((v) => Math.round(v / 4) * 4).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return best.split(',').map(Number) as [number, number, number];
}

describe('reading the map', () => {
  let app: OpenedApp;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    app = await openApp({
      // Anything asked of another origin is recorded and refused: labels must not need it.
      prepare: (ctx) => ctx.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        outside.push(url);
        return route.abort();
      }),
    });
    ({ context, page } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('names townships and villages on the first screen', async () => {
    const names = await page.evaluate(() => (window as unknown as { __fulvMap: MapProbe }).__fulvMap
      .queryRenderedFeatures(undefined, { layers: ['context-township-label'] }).map((f) => f.properties.name));
    expect(new Set(names)).toEqual(new Set(programme.townships.map((t) => t.name)));
  });

  it('draws zone and mine names in text offline, from local fonts, asking nothing of another origin', async () => {
    await context.setOffline(true);
    // The expressway G112 (国道112线) and the Luan River cross here, with mines beside them.
    const road = programme.zones.features.find((z) => z.properties.name.includes('112'))!;
    const at = pointOnFeature(road).geometry.coordinates as [number, number];
    await jumpTo(page, at, 12);
    const placed = await page.evaluate(() => (window as unknown as { __fulvMap: MapProbe }).__fulvMap
      .queryRenderedFeatures(undefined, { layers: ['zones-label', 'zones-line-label', 'mines-label'] }).map((f) => `${f.layer.id}:${String(f.properties.name)}`));
    expect(placed).toContain(`zones-line-label:${road.properties.name}`);
    expect(placed.some((p) => p.startsWith('mines-label:'))).toBe(true);

    const withLabels = await mapShot(page, MAP);
    await showLabels(page, false);
    const without = await mapShot(page, MAP);
    await showLabels(page, true);
    // Glyphs are ink in a white halo: the labels add hundreds of dark pixels, and change more.
    expect(inkAdded(withLabels, without)).toBeGreaterThan(200);
    expect(shareChanged(withLabels, without)).toBeGreaterThan(0.004);
    await context.setOffline(false);
  });

  it('names places in English when the interface is in English', async () => {
    const zh = await mapShot(page, MAP);
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await waitForMapIdle(page);
    const en = await mapShot(page, MAP);
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('zh');
    await waitForMapIdle(page);
    expect(shareChanged(zh, en)).toBeGreaterThan(0.003);
    expect(shareChanged(zh, await mapShot(page, MAP))).toBeLessThan(0.001);
  });

  it('made no request outside its own origin', () => {
    expect(outside).toEqual([]);
  });
});

describe('selection and conflicts', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('outlines a selected parcel and leaves its fill in its legend colour', async () => {
    // The largest open pit without treated polygons: nothing is drawn over its fill.
    const treatedParcels = new Set(programme.treated.features.map((f) => f.properties.parcel_id));
    const parcel = programme.parcels.features
      .filter((f) => f.properties.damage_type === 'open_pit' && !treatedParcels.has(f.properties.id) && f.geometry.type === 'Polygon')
      .sort((a, b) => b.geometry.coordinates.flat(2).length - a.geometry.coordinates.flat(2).length)[0]!;
    await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill(parcel.properties.id);
    await page.getByRole('listbox', { name: '搜索结果' }).getByRole('option', { name: new RegExp(parcel.properties.id) }).first().click();
    await waitForMapIdle(page);
    const inside = pointOnFeature(parcel).geometry.coordinates as [number, number];
    // Only the parcels and what is drawn for the selection: no buffer or zone tints the fill.
    const panel = page.getByRole('region', { name: '图层面板' });
    for (const name of ['保护缓冲区', '三区两线保护区', '乡镇界与村庄（示意）']) await panel.getByRole('checkbox', { name }).uncheck();
    await jumpTo(page, inside, 16);
    await page.mouse.move(1, 1);
    await waitForMapIdle(page);
    const box = await page.getByRole('region', { name: MAP }).boundingBox();
    const p = await screenPoint(page, inside);
    const shot = await mapShot(page, MAP);
    // The fill as the legend says: the damage colour at the layer's 0.65 opacity over the background.
    const expected = rgb(DAMAGE_COLOURS.open_pit).map((c, i) => 0.65 * c + 0.35 * rgb(BACKGROUND_COLOUR)[i]!);
    expect(distance(commonColour(shot, Math.round(p.x - box!.x), Math.round(p.y - box!.y), 30), expected)).toBeLessThan(12);
    // …and the selection is drawn: the dark line of its halo is on the map.
    const dark = rgb(SELECTION_LINE);
    let onOutline = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (distance([shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!], dark) < 40) onOutline++;
    expect(onOutline / (shot.width * shot.height)).toBeGreaterThan(0.001);
  });

  it('hatches the selected parcel’s overlap with the buffers and leaves the colours between the stripes', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).click();
    const list = page.getByRole('region', { name: '冲突图斑' });
    await list.and(page.locator('[aria-busy=false]')).waitFor();
    await list.getByRole('button', { name: /^在地图上查看图斑/ }).first().click();
    await page.waitForFunction(() => (window as unknown as { __fulvMap: MapProbe }).__fulvMap.queryRenderedFeatures(undefined, { layers: ['overlap-fill'] }).length > 0, undefined, { timeout: 20_000 });
    await waitForMapIdle(page);
    // Points of the canvas inside the overlap, every 3 px.
    const points = await page.evaluate(() => {
      const map = (window as unknown as { __fulvMap: MapProbe }).__fulvMap;
      const { width, height } = map.getCanvas().getBoundingClientRect();
      const out: [number, number][] = [];
      for (let y = 0; y < height; y += 3) for (let x = 0; x < width; x += 3) if (map.queryRenderedFeatures([x, y], { layers: ['overlap-fill'] }).length > 0) out.push([x, y]);
      return out;
    });
    expect(points.length).toBeGreaterThan(50);
    const hatched = await mapShot(page, MAP);
    await page.evaluate(() => (window as unknown as { __fulvMap: MapProbe }).__fulvMap.setLayoutProperty('overlap-fill', 'visibility', 'none'));
    await waitForMapIdle(page);
    const plain = await mapShot(page, MAP);
    await page.evaluate(() => (window as unknown as { __fulvMap: MapProbe }).__fulvMap.setLayoutProperty('overlap-fill', 'visibility', 'visible'));
    const isRed = ([r, g, b]: number[]) => r! - g! > 150 && r! - b! > 150;
    const red = points.filter(([x, y]) => isRed(pixel(hatched, x, y)));
    const unchanged = points.filter(([x, y]) => distance(pixel(hatched, x, y), pixel(plain, x, y)) < 20);
    // Stripes a quarter of the pattern wide: neither a fill (all red) nor a tint (none red)…
    expect(red.length / points.length).toBeGreaterThan(0.12);
    expect(red.length / points.length).toBeLessThan(0.5);
    // …and between them the parcel and treated polygons show as they do without the overlap (a
    // translucent fill would change every pixel).
    expect(unchanged.length / points.length).toBeGreaterThan(0.45);
  });
});

describe('legends and status where the colours are', () => {
  let app: OpenedApp;
  let page: Page;

  // Opened with no page loaded: the first test watches the app start.
  beforeAll(async () => {
    app = await openApp({ url: null });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says the buffers are being computed until they are on the map', async () => {
    await page.goto(baseUrl);
    const panel = page.getByRole('region', { name: '图层面板' });
    await panel.getByRole('status').filter({ hasText: '缓冲区计算中…' }).waitFor({ timeout: 20_000 });
    await expect(panel.getByRole('checkbox', { name: '保护缓冲区' }).isChecked()).resolves.toBe(true);
    await panel.getByText('缓冲区计算中…').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForFunction(() => (window as unknown as { __fulvMap: MapProbe }).__fulvMap.queryRenderedFeatures(undefined, { layers: ['buffers-fill'] }).length > 0, undefined, { timeout: 10_000 });
    await waitForMapIdle(page);
  });

  it('counts treated polygons as of the reviewer’s date, and says so in the legend', async () => {
    const date = '2021-12-31';
    const then = programme.treated.features.filter((f) => f.properties.date <= date).length;
    expect(then).toBeLessThan(programme.treated.features.length);
    await page.getByRole('tab', { name: '审查验收' }).click();
    await page.getByLabel('查看日期').fill(date);
    const bar = page.getByRole('status').filter({ hasText: '座矿山' });
    await expect.poll(() => bar.textContent()).toContain(`截至 ${date} 有 ${then} 个治理图斑`);
    await page.getByRole('tab', { name: '图层' }).click();
    await expect(page.getByRole('region', { name: '图例' }).textContent()).resolves.toContain(`地图显示截至 ${date} 的状态`);
  });

  it('keys the swipe’s colours beside its maps', async () => {
    await page.getByRole('tab', { name: '审查验收' }).click();
    await page.getByRole('button', { name: '治理前后对比（卷帘）' }).click();
    const legend = page.getByRole('region', { name: '治理前后对比' }).getByRole('list', { name: '地图图例' });
    for (const label of ['未治理', '已验收', '验收不通过', '治理图斑']) await expect(legend.getByText(label, { exact: true }).isVisible(), label).resolves.toBe(true);
    await page.getByRole('region', { name: '治理前后对比' }).getByRole('button', { name: '关闭对比' }).click();
  });

  it('keys the mine file’s sketch inside the drawing, so that it prints with it', async () => {
    const parcel = programme.parcels.features.find((f) => programme.treated.features.some((t) => t.properties.parcel_id === f.properties.id))!;
    const mine = programme.mines.find((m) => m.id === parcel.properties.mine_id)!;
    await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill(parcel.properties.id);
    await page.getByRole('listbox', { name: '搜索结果' }).getByRole('option', { name: new RegExp(parcel.properties.id) }).first().click();
    await page.getByRole('tab', { name: '审查验收' }).click();
    await page.getByRole('button', { name: `打开${mine.name}的一矿一档` }).click();
    const sketch = page.getByRole('region', { name: `一矿一档：${mine.name}` }).locator('svg.mine-sketch');
    await expect(sketch.locator('.mine-sketch-legend').textContent()).resolves.toContain('治理图斑');
  });
});
