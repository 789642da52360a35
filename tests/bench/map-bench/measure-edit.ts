// Time for an edit to appear on the map, as a surveyor meets it: from the click that closes a
// drawn polygon to the first frame in which the map shows the new treated polygon under it (in
// the treated layer, or in the layer that draws it while it is being saved).
import type { Page } from 'playwright-core';
import { figuresCurrentAt } from './measure-figures.ts';
import { jumpTo, waitIdle } from './page-probes.ts';

export async function openSurveyTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '外业调查' }).click();
  await page.getByRole('textbox', { name: '调查人姓名' }).fill('测试员');
}

export interface EditTiming {
  /** From the closing click to the first frame showing the stored polygon in the treated layer. */
  visibleMs: number;
  /**
   * From the closing click until the store published the committed edit (IndexedDB, strict
   * durability). The save runs alongside the drawing, not before it: the map shows the polygon
   * while it is being saved, so the two are not parts of `visibleMs` and do not subtract.
   */
  committedMs: number;
  /**
   * From the closing click until the planner's figures are current again (the conflict list no
   * longer busy), with the planner tab opened as soon as the edit is saved: what a user waits
   * for who draws and then looks at the figures.
   */
  figuresMs: number;
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
  // Watched from inside the page, from before the click: after each frame the map renders, is
  // the polygon in it? The time taken is when that frame's task has ended, so it includes the
  // frame's hand-over to the compositor (in software WebGL, the wait for the rendered pixels).
  // A string, as tsx would wrap named functions in helpers the page does not have.
  await page.evaluate(`(() => {
    const w = window;
    delete w.__closeAt;
    delete w.__committedAt;
    delete w.__visibleAt;
    window.addEventListener('pointerup', (e) => { w.__closeAt = e.timeStamp; }, { capture: true, once: true });
    const stop = w.__fulvStore.subscribe(() => { w.__committedAt = performance.now(); stop(); });
    const map = w.__fulvMap;
    // The polygon while it is being saved is drawn by a custom layer, which says what it drew.
    const shown = () => (map.getLayer('treated-pending')?.implementation?.drawnIds.length ?? 0) > 0
      || map.queryRenderedFeatures([map.getCanvas().clientWidth / 2, map.getCanvas().clientHeight / 2], { layers: ['treated-fill'] }).length > 0;
    const afterFrame = new MessageChannel();
    afterFrame.port1.onmessage = () => { w.__visibleAt ??= performance.now(); };
    const onRender = () => {
      if (w.__closeAt === undefined || !shown()) return;
      map.off('render', onRender);
      afterFrame.port2.postMessage(null);
    };
    map.on('render', onRender);
  })()`);
  await page.mouse.move(cx - half, cy - half);
  await page.mouse.click(cx - half, cy - half);
  const visibleAt = await (await page.waitForFunction(() => (window as unknown as { __visibleAt?: number }).__visibleAt ?? false, undefined, { timeout: 60_000 })).jsonValue() as number;
  // The map shows the polygon while it is being saved, so the save may end after it is visible.
  await page.getByRole('region', { name: '编辑历史' }).getByRole('status').filter({ hasText: '已保存' }).waitFor({ timeout: 60_000 });
  const { closeAt, committedAt } = await page.evaluate(() => {
    const w = window as unknown as { __closeAt: number; __committedAt: number };
    return { closeAt: w.__closeAt, committedAt: w.__committedAt };
  });
  await page.getByRole('tab', { name: '冲突分析' }).click();
  const figuresAt = await figuresCurrentAt(page);
  await page.getByRole('tab', { name: '外业调查' }).click();
  return { visibleMs: visibleAt - closeAt, committedMs: committedAt - closeAt, figuresMs: figuresAt - closeAt };
}
