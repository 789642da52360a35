// Runs the sync engine for the open programme while it is linked to a team server: on opening,
// whenever an edit is saved (the outbox grew), when the browser comes back online, as soon as
// the server tells of others' changes (a long poll, change-watch.ts), and every minute besides. Only one tab syncs a programme at a time (Web Locks); the rest
// follow through the field store's tab channel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldStore } from '../persistence/field-store.ts';
import { ChangeWatch, type WatchTransport } from '../persistence/sync/change-watch.ts';
import { SyncEngine, type SyncActivity, type SyncLock, type SyncTransport } from '../persistence/sync/sync-engine.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { loadServerSession, subscribeServerSession } from './team-server/server-settings.ts';

const PULL_EVERY_MS = 60_000;

const browserTransport: SyncTransport = async (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });

const watchTransport: WatchTransport = async (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });

const browserLock: SyncLock = async (name, work) => {
  // Without Web Locks (old browsers) each tab syncs; the server's idempotent ids keep that safe.
  if (!('locks' in navigator)) return work();
  return navigator.locks.request(name, { ifAvailable: true }, async (lock) => (lock ? work() : null));
};

/** `token` reads the team server session's token (null when logged out). */
/** `imagesMissing`: pulled photos whose image the last sync could not download (tried again on the next). */
export function useSync(store: FieldStore | null, snapshot: FieldSnapshot | null, token: () => string | null): { activity: SyncActivity | null; syncNow: () => void; imagesMissing: number } {
  const [activity, setActivity] = useState<SyncActivity | null>(null);
  const [imagesMissing, setImagesMissing] = useState(0);
  const engine = useRef<SyncEngine | null>(null);
  const watch = useRef<ChangeWatch | null>(null);
  const tokenRef = useRef(token);
  useEffect(() => {
    tokenRef.current = token;
    // Logged in (again): the watch need not finish its nap.
    watch.current?.wake();
  }, [token]);
  // A login, or the session read from the device at start: sync what waits without delay.
  useEffect(() => {
    const unsubscribe = subscribeServerSession(() => {
      watch.current?.wake();
      void engine.current?.poke();
    });
    void loadServerSession();
    return unsubscribe;
  }, []);
  const linked = snapshot?.sync != null;
  const waiting = snapshot?.sync?.waiting ?? 0;

  useEffect(() => {
    if (!store || !linked) return;
    const running = new SyncEngine({
      sync: store.sync, transport: browserTransport, token: () => tokenRef.current(), isOnline: () => navigator.onLine,
      lock: browserLock, programmeId: store.programmeId, onActivity: setActivity,
      onPhotoImages: (images) => setImagesMissing(images.failed.length),
    });
    engine.current = running;
    const watching = new ChangeWatch({
      sync: store.sync, transport: watchTransport, token: () => tokenRef.current(), isOnline: () => navigator.onLine, onChange: () => running.poke(),
    });
    watch.current = watching;
    watching.start();
    const poke = (): void => {
      watching.wake();
      void running.poke();
    };
    const offline = (): void => setActivity({ state: 'offline' });
    window.addEventListener('online', poke);
    window.addEventListener('offline', offline);
    const timer = setInterval(poke, PULL_EVERY_MS);
    poke();
    return () => {
      running.stop();
      void watching.stop();
      engine.current = null;
      watch.current = null;
      window.removeEventListener('online', poke);
      window.removeEventListener('offline', offline);
      clearInterval(timer);
      setActivity(null);
      setImagesMissing(0);
    };
  }, [store, linked]);

  useEffect(() => {
    if (waiting > 0) void engine.current?.poke();
  }, [waiting]);

  const syncNow = useCallback(() => void engine.current?.poke(), []);
  return { activity, syncNow, imagesMissing };
}
