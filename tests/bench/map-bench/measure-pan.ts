// The main thread's longest task while the user pans: several drags across the map with the
// mouse, as a user would, with long tasks (PerformanceObserver 'longtask') counted from the
// first drag until the map is idle again.
import type { Page } from 'playwright-core';
import { jumpTo, longTasksSince, pageNow, waitIdle } from './page-probes.ts';

export async function longestTaskWhilePanning(page: Page, centre: [number, number], zoom: number, drags = 8): Promise<{ longestMs: number; over50: number; panMs: number }> {
  await jumpTo(page, centre, zoom);
  await waitIdle(page);
  await page.waitForTimeout(500);
  const box = (await page.getByRole('region', { name: '计划地图' }).boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const start = await pageNow(page);
  for (let i = 0; i < drags; i++) {
    const angle = (i * Math.PI * 2) / drags;
    const [dx, dy] = [Math.cos(angle) * 250, Math.sin(angle) * 180];
    await page.mouse.move(cx - dx, cy - dy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 20 });
    await page.mouse.up();
    await page.waitForTimeout(150);
  }
  await waitIdle(page);
  const end = await pageNow(page);
  const tasks = await longTasksSince(page, start);
  return { longestMs: Math.max(0, ...tasks.map((t) => t.duration)), over50: tasks.length, panMs: end - start };
}
