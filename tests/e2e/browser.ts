// Launching Debian's Chromium with SwiftShader WebGL (see ../shared/BROWSER.md), and the few
// waits the tests share.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
const VIEWPORT = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A context whose profile (IndexedDB, localStorage) survives closing and relaunching. */
export async function launchProfile(dir = mkdtempSync(join(tmpdir(), 'fulv-profile-'))): Promise<{ context: BrowserContext; dir: string }> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT });
  return { context, dir };
}

export async function newPage(browser: Browser, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('GPU stall due to ReadPixels')) console.error(`[page] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  return page;
}

/** Waits until the map exists, has loaded its style and sources, and is not moving. */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    type Probe = { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean; getCanvas(): HTMLCanvasElement; getContainer(): HTMLElement };
    const map = (window as unknown as { __fulvMap?: Probe }).__fulvMap;
    // The map also follows its container's size (an inspector opened or closed) a moment later.
    const sized = !!map && map.getCanvas().style.width === `${map.getContainer().clientWidth}px`;
    return !!map && sized && map.loaded() && !map.isMoving() && map.areTilesLoaded();
  }, undefined, { timeout, polling: 100 });
  // One more frame so the last tiles are painted before a screenshot.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Opens the app and waits for the programme to be on the map. */
export async function openApp(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(baseUrl + query);
  await page.getByRole('status').filter({ hasText: /parcels|图斑/ }).first().waitFor();
  await waitForMapIdle(page);
}

/** Screen position of a lon/lat on the map canvas, in page coordinates. */
export async function screenPoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as { __fulvMap: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__fulvMap;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lonLat);
}
