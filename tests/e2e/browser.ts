// Launching Debian's Chromium with SwiftShader WebGL (see ../shared/BROWSER.md), opening the app
// in it at a screen size, and the few waits the tests share.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
/** The screens the app is tried on; a phone and a tablet are touch screens unless told otherwise. */
export const SCREENS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1280, height: 800 },
  wide: { width: 1440, height: 900 },
} as const;
export type Screen = keyof typeof SCREENS | { width: number; height: number };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
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

/** Opens the app in a page and waits for the programme to be on the map. */
export async function loadApp(page: Page, baseUrl: string, query = ''): Promise<void> {
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

export interface AppOptions {
  viewport?: Screen;
  /** Touch and a mobile viewport; by default on for phone and tablet. */
  touch?: boolean;
  /** The browser's language; `null` leaves Chromium's own. */
  locale?: string | null;
  /** A profile kept on disk (IndexedDB survives closing); a folder, or `true` for a new one. */
  persistent?: boolean | string;
  /** A browser already running: the app gets a new context in it, and `close` closes only that. */
  browser?: Browser;
  /** Anything else the context needs: permissions, geolocation, service workers, downloads… */
  context?: BrowserContextOptions;
  /** Runs on the context before the page opens: routes, init scripts. */
  prepare?: (context: BrowserContext) => Promise<unknown>;
  /** Runs on the page before it navigates: request listeners, dialog handlers. */
  watch?: (page: Page) => void;
  /** Where the app is served (the e2e preview server unless told), and what follows it (`?lang=en`); `null` opens nothing. */
  url?: string | null;
  query?: string;
}

export interface OpenedApp {
  browser: Browser | null;
  context: BrowserContext;
  page: Page;
  /** The profile folder, when persistent. */
  dir: string | null;
  close(): Promise<void>;
}

/** Launches Chromium at a screen size, opens a page and (unless `url: null`) the app in it, map idle. */
export async function openApp(options: AppOptions = {}): Promise<OpenedApp> {
  const url = options.url === undefined ? inject('baseUrl') : options.url;
  const screen = options.viewport ?? 'desktop';
  const size = typeof screen === 'string' ? SCREENS[screen] : screen;
  const touch = options.touch ?? (screen === 'phone' || screen === 'tablet');
  const contextOptions: BrowserContextOptions = {
    viewport: { ...size },
    ...(touch ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    ...(options.locale === null ? {} : { locale: options.locale ?? 'zh-CN' }),
    ...options.context,
  };
  let browser: Browser | null = null;
  let context: BrowserContext;
  let dir: string | null = null;
  if (options.persistent) {
    dir = typeof options.persistent === 'string' ? options.persistent : mkdtempSync(join(tmpdir(), 'fulv-profile-'));
    context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...contextOptions });
  } else {
    browser = options.browser ?? await launchBrowser();
    context = await browser.newContext(contextOptions);
  }
  await options.prepare?.(context);
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('GPU stall due to ReadPixels')) console.error(`[page] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  options.watch?.(page);
  const ownsBrowser = !!browser && !options.browser;
  const close = async () => {
    if (ownsBrowser) await browser!.close();
    else await context.close();
  };
  try {
    if (url !== null) await loadApp(page, url, options.query);
  } catch (e) {
    await close();
    throw e;
  }
  return { browser: options.browser ?? browser, context, page, dir, close };
}
