// Phones and tablets in the browser tests (opened by openApp in browser.ts): a finger dragged across
// the screen (CDP touch events, which Chromium turns into touch and pointer events as a real
// screen would), and checks on the layout a finger sees.
import type { Page } from 'playwright-core';

/** One finger pressed at `from`, moved in steps to `to`, and lifted. */
export async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Elements (tag#id.class) that reach past the viewport's right edge, and the page's own width. */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const wide: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a container that scrolls or clips sideways, an element cannot push the page.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX !== 'visible') {
          const box = p.getBoundingClientRect();
          if (box.right <= innerWidth + 1) { clipped = true; break; }
        }
      }
      if (!clipped && (r.width > innerWidth + 1 || r.right > innerWidth + 1 || r.left < -1)) wide.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, wide };
  });
}

/** Visible controls smaller than a fingertip (44 px high); a checkbox counts by its label. */
export async function smallTargets(page: Page, within = 'html'): Promise<string[]> {
  return page.evaluate((root) => {
    const small: string[] = [];
    for (const el of document.querySelector(root)!.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, a[href], [role=tab]')) {
      const target = el instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(el.type) ? el.closest('label') ?? el.labels?.[0] ?? el : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight || getComputedStyle(target).visibility === 'hidden') continue;
      if (el instanceof HTMLInputElement && el.type === 'file' && getComputedStyle(el).position === 'absolute') continue;
      if (r.height < 43.5) small.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.height)}px`);
    }
    return small;
  }, within);
}
