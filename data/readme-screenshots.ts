// The README's screenshots, taken from the production build in headless Chromium: the first
// screen on a desktop (public/screenshot.png), and at 390×844 with touch (docs/phone-*.png) as a
// surveyor, a planner and a reviewer see the app.
// Run: npm run screenshots (builds first).
import { preview } from 'vite';
import type { Page } from 'playwright-core';
import { centroid } from '@turf/turf';
import { launchBrowser, openApp, waitForMapIdle } from '../tests/e2e/browser.ts';
import { touchDrag } from '../tests/e2e/touch.ts';
import { demoProgramme } from '../tests/helpers/demo-files.ts';

type MapHandle = { jumpTo(o: object): void };
const parcel = demoProgramme().parcels.features.find((f) => f.properties.id === 'QA-M01-P4')!;

async function sheetTo(page: Page, height: RegExp): Promise<void> {
  const handle = page.getByRole('button', { name: /面板高度/ });
  while (!height.test((await handle.getAttribute('aria-label')) ?? '')) await handle.tap();
  await page.waitForTimeout(400);
  await waitForMapIdle(page);
}

const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
const baseUrl = server.resolvedUrls!.local[0]!;
const browser = await launchBrowser();
try {
  const { page } = await openApp({ browser, url: baseUrl, viewport: 'phone', watch: (p) => p.on('dialog', (d) => void d.accept()) });

  // Survey: a polygon digitised with the crosshair, its live area in the sheet's peek.
  await page.getByRole('tab', { name: '外业调查' }).tap();
  await page.getByRole('textbox', { name: '调查人姓名' }).fill('李工');
  await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c, zoom: 17 }), centroid(parcel).geometry.coordinates);
  await waitForMapIdle(page);
  await page.getByRole('button', { name: '绘制治理图斑' }).tap();
  const box = (await page.getByRole('region', { name: '计划地图' }).boundingBox())!;
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  for (const [dx, dy] of [[0, 0], [-90, 0], [0, -80]] as const) {
    if (dx || dy) await touchDrag(page, { x: mid.x - dx / 2, y: mid.y - dy / 2 }, { x: mid.x + dx / 2, y: mid.y + dy / 2 });
    await waitForMapIdle(page);
    await page.getByRole('button', { name: '添加顶点' }).tap();
  }
  await touchDrag(page, { x: mid.x - 40, y: mid.y }, { x: mid.x + 40, y: mid.y });
  await waitForMapIdle(page);
  await page.screenshot({ path: 'docs/phone-survey.png' });
  await page.getByRole('button', { name: '取消绘制' }).tap();

  // Planner: the conflict list in the sheet at half height.
  await page.getByRole('tab', { name: '冲突分析' }).tap();
  await page.getByRole('region', { name: '冲突图斑' }).and(page.locator('[aria-busy=false]')).waitFor();
  await sheetTo(page, /半屏/);
  await page.screenshot({ path: 'docs/phone-conflicts.png' });

  // Reviewer: the review tab, full height.
  await page.getByRole('tab', { name: '审查验收' }).tap();
  await page.getByRole('textbox', { name: '审查人姓名' }).fill('王审');
  await sheetTo(page, /全屏/);
  await page.screenshot({ path: 'docs/phone-review.png' });

  // The first screen on a desktop, once the buffers are on the map.
  const desktop = await openApp({ browser, url: baseUrl, viewport: 'desktop' });
  await desktop.page.getByText('缓冲区计算中…').waitFor({ state: 'detached', timeout: 60_000 });
  await waitForMapIdle(desktop.page);
  await desktop.page.screenshot({ path: 'public/screenshot.png' });
  console.log('public/screenshot.png, docs/phone-survey.png, docs/phone-conflicts.png, docs/phone-review.png');
} finally {
  await browser.close();
  await server.close();
}
