// The service worker (vite-plugin-pwa + Workbox, see vite.config.ts) as React state. It installs
// on the first visit and from then on serves the app offline. A new version installs in the
// background and waits; `available` turns true, and `apply` (called only when no work is in
// progress, see update-readiness.ts) lets it take over and reloads this window. Other windows
// then see `available` too and reload when their user chooses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Workbox } from 'workbox-window';

/** How often an open app asks its own origin whether a new version is published. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface AppUpdate {
  available: boolean;
  apply: () => void;
  dismiss: () => void;
}

export function useAppUpdate(): AppUpdate {
  const [available, setAvailable] = useState(false);
  const workbox = useRef<Workbox | null>(null);
  const waiting = useRef(false);
  const reloadWhenControlled = useRef(false);

  useEffect(() => {
    // Development (vite dev) builds no service worker.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const wb = new Workbox('./sw.js', { scope: './' });
    workbox.current = wb;
    wb.addEventListener('waiting', () => {
      waiting.current = true;
      setAvailable(true);
    });
    wb.addEventListener('controlling', (event) => {
      if (reloadWhenControlled.current) window.location.reload();
      // Another window let the new version take over: this one still runs the old code.
      else if (event.isUpdate) setAvailable(true);
    });
    void wb.register().catch(() => undefined);
    const timer = window.setInterval(() => {
      if (navigator.onLine) void wb.update().catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);

  const apply = useCallback(() => {
    const wb = workbox.current;
    if (wb && waiting.current) {
      reloadWhenControlled.current = true;
      wb.messageSkipWaiting();
    } else {
      window.location.reload();
    }
  }, []);

  const dismiss = useCallback(() => setAvailable(false), []);
  return { available, apply, dismiss };
}
