// What the bench reads inside the page: long tasks from the very start (an init script), the
// map's state, and whether a point of the map shows a feature of a layer.
import type { Page } from 'playwright-core';

type Probe = {
  __longTasks?: { start: number; duration: number }[];
  __fulvMap?: {
    loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean;
    queryRenderedFeatures(a?: unknown, b?: unknown): unknown[];
    project(p: [number, number]): { x: number; y: number };
    jumpTo(o: object): void;
    getCanvas(): HTMLCanvasElement;
    getContainer(): HTMLElement;
  };
  __fulvStore?: unknown;
};

/** Collects every main-thread task over 50 ms from page start, into window.__longTasks. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Probe;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export async function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => ((window as unknown as Probe).__longTasks ?? []).filter((e) => e.start + e.duration >= t), since);
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * Page time of the first frame where the map is idle with its tiles loaded and shows parcels.
 * Polled every 50 ms with cheap checks first: querying rendered features of 50,000 parcels on
 * every frame would itself slow the page being measured.
 */
export async function firstFullRender(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const map = (window as unknown as Probe).__fulvMap;
    if (!map || !map.loaded() || map.isMoving() || !map.areTilesLoaded()) return false;
    // A large collection arrives in slices; the map says it is busy until the last one is in.
    if (map.getContainer().getAttribute('aria-busy') === 'true') return false;
    // A box in the middle, not the whole view: querying every rendered parcel took over a second
    // a poll, in the page being measured.
    return map.queryRenderedFeatures([[540, 300], [740, 500]], { layers: ['parcels-fill'] }).length > 0 ? performance.now() : false;
  }, undefined, { timeout, polling: 50 });
  return (await handle.jsonValue()) as number;
}

export async function waitIdle(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as unknown as Probe).__fulvMap;
    return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded() && map.getContainer().getAttribute('aria-busy') !== 'true';
  }, undefined, { timeout, polling: 100 });
}

export async function waitForStore(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(() => ((window as unknown as Probe).__fulvStore ? performance.now() : false), undefined, { timeout, polling: 50 });
  return (await handle.jsonValue()) as number;
}

export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  // In braces: jumpTo returns the map, which Playwright would otherwise serialize (seconds at 50k).
  await page.evaluate(([c, z]) => {
    (window as unknown as Probe).__fulvMap!.jumpTo({ center: c, zoom: z });
  }, [center, zoom] as const);
}
