// Which rows of a long table body to render: those in view of the scrolling panel, plus a few
// either side. With 50,000 parcels the conflict list can hold thousands of rows, and rendering
// them all (each with formatted figures) froze the page for seconds on every edit. Short lists
// render whole, so they stay searchable with the browser's find and fully in the DOM.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface RowWindow {
  start: number;
  end: number;
  /** Height in px of the rows skipped above and below the window (spacer rows keep the scroll size). */
  above: number;
  below: number;
}

export interface RowWindowOptions {
  /** Lists up to this many rows render whole. */
  threshold?: number;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  /** Row height in px before any row has been measured. */
  estimate?: number;
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let e = element.parentElement; e; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return e;
  }
  return null;
}

export function useRowWindow(body: RefObject<HTMLElement | null>, count: number, options: RowWindowOptions = {}): RowWindow {
  const { threshold = 200, overscan = 10, estimate = 48 } = options;
  const rowHeight = useRef(estimate);
  const [view, setView] = useState({ offset: 0, height: 800 });
  const windowed = count > threshold;

  const measure = useCallback(() => {
    const element = body.current;
    if (!element) return;
    const rows = element.querySelectorAll<HTMLElement>('tr[data-row]');
    if (rows.length > 0) {
      const first = rows[0]!.getBoundingClientRect();
      const last = rows[rows.length - 1]!.getBoundingClientRect();
      const average = (last.bottom - first.top) / rows.length;
      if (average > 0) rowHeight.current = average;
    }
    const scroller = scrollParent(element);
    const top = scroller ? scroller.getBoundingClientRect().top : 0;
    const height = scroller ? scroller.clientHeight : window.innerHeight;
    const offset = Math.max(0, top - element.getBoundingClientRect().top);
    setView((old) => (Math.abs(old.offset - offset) < 1 && old.height === height ? old : { offset, height }));
  }, [body]);

  useLayoutEffect(() => {
    const element = body.current;
    if (!windowed || !element) return;
    const scroller = scrollParent(element);
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    measure();
    (scroller ?? window).addEventListener('scroll', schedule, { passive: true });
    // The panel may be hidden (another tab) and shown later: a size change re-measures.
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    if (scroller) resize.observe(scroller);
    return () => {
      cancelAnimationFrame(frame);
      (scroller ?? window).removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [body, windowed, measure]);

  if (!windowed) return { start: 0, end: count, above: 0, below: 0 };
  const h = rowHeight.current;
  const start = Math.min(count, Math.max(0, Math.floor(view.offset / h) - overscan));
  const end = Math.min(count, Math.max(start, Math.ceil((view.offset + view.height) / h) + overscan));
  return { start, end, above: start * h, below: (count - end) * h };
}
