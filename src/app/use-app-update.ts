// The service worker (vite-plugin-pwa + Workbox, see vite.config.ts) as React state. It installs
// on the first visit and from then on serves the app offline. A new version installs in the
// background and waits; `available` turns true, and `apply` (called only when no work is in
// progress, see update-readiness.ts) lets it take over and reloads this window once it is active.
// Other open windows are then controlled by the new version while running the old page, so they
// show the prompt too and reload when their user chooses.
//
// Written on the ServiceWorker API itself rather than workbox-window, whose heuristics treat any
// update found after the first install of a long-lived page as "external" and stop reporting.
import { useCallback, useEffect, useRef, useState } from 'react';

/** How often an open app asks its own origin whether a new version is published. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface AppUpdate {
  available: boolean;
  apply: () => void;
  dismiss: () => void;
}

export function useAppUpdate(): AppUpdate {
  const [available, setAvailable] = useState(false);
  const registration = useRef<ServiceWorkerRegistration | null>(null);
  const applying = useRef(false);

  useEffect(() => {
    // Development (vite dev) builds no service worker.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let alive = true;
    const container = navigator.serviceWorker;
    const onControllerChange = () => {
      if (!applying.current) setAvailable(true);
    };
    container.addEventListener('controllerchange', onControllerChange);
    container.register('./sw.js', { scope: './' }).then((reg: ServiceWorkerRegistration | undefined) => {
      // Automation that blocks service workers (Playwright's serviceWorkers: 'block') answers undefined.
      if (!alive || !reg) return;
      registration.current = reg;
      // A version that finished installing while no window let it take over.
      if (reg.waiting && reg.active) setAvailable(true);
      reg.addEventListener('updatefound', () => {
        const installing = reg.installing;
        installing?.addEventListener('statechange', () => {
          // With an active version already there this is an update, not the first install.
          if (installing.state === 'installed' && reg.active) setAvailable(true);
        });
      });
    }, () => undefined);
    const timer = window.setInterval(() => {
      if (navigator.onLine) void registration.current?.update().catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
      container.removeEventListener('controllerchange', onControllerChange);
    };
  }, []);

  const apply = useCallback(() => {
    const waiting = registration.current?.waiting;
    applying.current = true;
    if (!waiting) return window.location.reload();
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'activated') window.location.reload();
    });
    // The generated service worker answers this message with skipWaiting().
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }, []);

  const dismiss = useCallback(() => setAvailable(false), []);
  return { available, apply, dismiss };
}
