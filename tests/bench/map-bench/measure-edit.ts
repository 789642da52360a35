// Time for an edit to appear on the map, as a surveyor meets it: from the click that closes a
// drawn polygon to the first frame in which the map shows the new treated polygon under it (in
// the treated layer, or in the layer that draws it while it is being saved).
import type { Page } from 'playwright-core';
import { jumpTo, waitIdle } from './page-probes.ts';

type Map = {
  queryRenderedFeatures(p: [number, number], o: { layers: string[] }): unknown[];
  project(p: [number, number]): { x: number; y: number };
};

export async function openSurveyTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '外业调查' }).click();
  await page.getByRole('textbox', { name: '调查人姓名' }).fill('测试员');
}

export interface EditTiming {
  /** From the closing click to the first frame showing the stored polygon in the treated layer. */
  visibleMs: number;
  /** From the closing click until the store published the committed edit (IndexedDB, strict durability). */
  committedMs: number;
  /** From the store's publication to the first frame showing it (negative: shown before it was stored). */
  mapMs: number;
}

/** Draws a square of `half` px around the map's centre at `centre` (empty ground). */
export async function timeEdit(page: Page, centre: [number, number], half = 50): Promise<EditTiming> {
  await jumpTo(page, centre, 17);
  await waitIdle(page);
  await page.getByRole('button', { name: '绘制治理图斑' }).click();
  const box = (await page.getByRole('region', { name: '计划地图' }).boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const corners: [number, number][] = [[-half, -half], [half, -half], [half, half], [-half, half]];
  for (const [dx, dy] of corners) {
    await page.mouse.move(cx + dx - 3, cy + dy - 3);
    await page.mouse.move(cx + dx, cy + dy);
    await page.mouse.click(cx + dx, cy + dy);
    await page.waitForTimeout(80);
  }
  await page.evaluate(() => {
    const w = window as unknown as { __closeAt?: number; __committedAt?: number; __fulvStore: { subscribe(l: () => void): () => void } };
    delete w.__closeAt;
    delete w.__committedAt;
    window.addEventListener('pointerup', (e) => { w.__closeAt = e.timeStamp; }, { capture: true, once: true });
    const stop = w.__fulvStore.subscribe(() => {
      w.__committedAt = performance.now();
      stop();
    });
  });
  await page.mouse.move(cx - half, cy - half);
  await page.mouse.click(cx - half, cy - half);
  const visibleAt = await (await page.waitForFunction(() => {
    const w = window as unknown as { __fulvMap: Map };
    const canvas = (w.__fulvMap as unknown as { getCanvas(): HTMLCanvasElement }).getCanvas();
    const p: [number, number] = [canvas.clientWidth / 2, canvas.clientHeight / 2];
    // The polygon while it is being saved is drawn by a custom layer, which says what it drew.
    const pending = (w.__fulvMap as unknown as { getLayer(id: string): { implementation?: { drawnIds: string[] } } | undefined }).getLayer('treated-pending')?.implementation?.drawnIds ?? [];
    return pending.length > 0 || w.__fulvMap.queryRenderedFeatures(p, { layers: ['treated-fill'] }).length > 0 ? performance.now() : false;
  }, undefined, { timeout: 60_000, polling: 'raf' })).jsonValue() as number;
  // The map shows the polygon while it is being saved, so the save may end after it is visible.
  await page.getByRole('region', { name: '编辑历史' }).getByRole('status').filter({ hasText: '已保存' }).waitFor({ timeout: 60_000 });
  const { closeAt, committedAt } = await page.evaluate(() => {
    const w = window as unknown as { __closeAt: number; __committedAt: number };
    return { closeAt: w.__closeAt, committedAt: w.__committedAt };
  });
  return { visibleMs: visibleAt - closeAt, committedMs: committedAt - closeAt, mapMs: visibleAt - committedAt };
}
