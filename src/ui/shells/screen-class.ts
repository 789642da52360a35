// Which layout the screen gets: a phone (the map with a bottom sheet), a tablet (collapsible
// panels) or a desktop (as designed first). Chosen by media queries and followed live, so a
// rotation or a browser zoom switches layout without losing anything held in the app's state.
import { useSyncExternalStore } from 'react';

export type ScreenClass = 'phone' | 'tablet' | 'desktop';

/** A phone in portrait (under 600 px wide) or landscape (a touch screen under 500 px high). */
export const PHONE_QUERY = '(max-width: 599.98px), (max-height: 499.98px) and (pointer: coarse)';
export const DESKTOP_QUERY = '(min-width: 1280px)';

function current(): ScreenClass {
  if (typeof matchMedia !== 'function') return 'desktop';
  if (matchMedia(PHONE_QUERY).matches) return 'phone';
  return matchMedia(DESKTOP_QUERY).matches ? 'desktop' : 'tablet';
}

function subscribe(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const lists = [matchMedia(PHONE_QUERY), matchMedia(DESKTOP_QUERY)];
  for (const list of lists) list.addEventListener('change', changed);
  return () => { for (const list of lists) list.removeEventListener('change', changed); };
}

export function useScreenClass(): ScreenClass {
  return useSyncExternalStore(subscribe, current, () => 'desktop');
}
