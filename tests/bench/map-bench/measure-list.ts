// The planner's conflict list at scale: how many rows it lists, how many are in the page at once
// (it is virtualised), and the longest main-thread task while the planner scrolls through it.
import type { Page } from 'playwright-core';
import { longTasksSince, pageNow } from './page-probes.ts';

export interface ListTiming { rows: number; rendered: number; longestScrollTaskMs: number }

export async function scrollConflictList(page: Page): Promise<ListTiming> {
  await page.getByRole('tab', { name: '冲突分析' }).click();
  const list = page.getByRole('region', { name: '冲突图斑' });
  const summary = await list.getByRole('status').filter({ hasText: /个图斑与缓冲区重叠/ }).textContent({ timeout: 300_000 });
  const rows = Number(/([\d,]+) 个图斑与缓冲区重叠/.exec(summary ?? '')![1]!.replace(/,/g, ''));
  const panel = page.locator('.side');
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const start = await pageNow(page);
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(500);
  const rendered = await list.locator('tbody tr[data-row]').count();
  const tasks = await longTasksSince(page, start);
  await page.getByRole('tab', { name: '外业调查' }).click();
  return { rows, rendered, longestScrollTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
}
