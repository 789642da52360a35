// Time for the planner's figures to follow a change, as the planner meets it: from changing a
// buffer distance in the planner tab (typed, so it includes the 400 ms the field waits for typing
// to stop) to the frame in which the conflict list, busy since the change, is no longer busy.
import type { Page } from 'playwright-core';

/** Page time of the first frame in which the visible conflict list is not busy. */
export async function figuresCurrentAt(page: Page, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const list = document.querySelector('section.conflict-list');
    return list && list.getClientRects().length > 0 && list.getAttribute('aria-busy') === 'false' ? performance.now() : false;
  }, undefined, { timeout, polling: 'raf' });
  return (await handle.jsonValue()) as number;
}

const FIELD = '居民集中生活区缓冲距离（米）';

export async function openBufferSettings(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '冲突分析' }).click();
  await page.getByText(/^缓冲距离 · /).click();
}

/** Sets the residential buffer to `metres` and times it to current figures. */
export async function timeBufferChange(page: Page, metres: number, timeout = 300_000): Promise<number> {
  const field = page.getByRole('spinbutton', { name: FIELD });
  // Watched from inside the page, from the input event of the last keystroke: the list turns busy
  // once the distance is applied, and the figures are current on the first frame it is not.
  await page.evaluate(`(() => {
    const w = window;
    delete w.__inputAt;
    delete w.__figuresAt;
    const list = () => document.querySelector('section.conflict-list');
    const before = list()?.querySelector('[role=status]')?.textContent;
    let busySeen = false;
    document.addEventListener('input', (e) => { w.__inputAt = e.timeStamp; }, { capture: true, once: true });
    const watch = () => {
      const l = list();
      if (l && l.getAttribute('aria-busy') === 'true') busySeen = true;
      const text = l?.querySelector('[role=status]')?.textContent;
      if ((busySeen || text !== before) && l && l.getAttribute('aria-busy') === 'false') { w.__figuresAt = performance.now(); return; }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  })()`);
  await field.fill(String(metres));
  const handle = await page.waitForFunction(() => (window as unknown as { __figuresAt?: number }).__figuresAt ?? false, undefined, { timeout, polling: 100 });
  const figuresAt = (await handle.jsonValue()) as number;
  const inputAt = await page.evaluate(() => (window as unknown as { __inputAt: number }).__inputAt);
  return figuresAt - inputAt;
}

export async function residentialBuffer(page: Page): Promise<number> {
  return Number(await page.getByRole('spinbutton', { name: FIELD }).inputValue());
}
