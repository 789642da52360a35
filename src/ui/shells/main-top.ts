// Where the main area starts (below the header and any banners), as `--main-top` on the app's
// element: panels fixed over the map (the sync conflicts) start there, however the header wraps.
import { useLayoutEffect, type RefObject } from 'react';

export function useMainTop(app: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const root = app.current;
    const main = root?.querySelector<HTMLElement>(':scope > .app-main');
    if (!root || !main) return;
    const measure = (): void => root.style.setProperty('--main-top', `${Math.round(main.getBoundingClientRect().top)}px`);
    measure();
    // The main area shrinks by what grows above it, so its size says when to measure again.
    const observer = new ResizeObserver(measure);
    observer.observe(main);
    return () => observer.disconnect();
  }, [app]);
}
