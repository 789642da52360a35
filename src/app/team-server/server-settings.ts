// The team server this browser works with, if any: its address in the settings record (so the
// page's security policy can allow its origin before anything runs), and the login session, kept
// on the device until logout or expiry (persistence/server-session-store.ts) — the token never
// goes into a URL.
import { forgetKeptSession, keepSession, readKeptSession } from '../../persistence/server-session-store.ts';
import { readStoredSettings, SETTINGS_KEY } from '../settings-storage.ts';

export interface ServerSession {
  token: string;
  login: string;
  displayName: string;
  expiresAt: string;
}

/** Where sessions were kept (sessionStorage) before they were kept on the device. */
const SESSION_KEY = 'fulv.server.session.v1';

/** The server's base URL (origin, with a path prefix if the server sits below one), or null when none is configured. */
export function serverBaseUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function loadServerUrl(): string | null {
  const stored = readStoredSettings()['server'] as { url?: unknown } | undefined;
  return typeof stored?.url === 'string' ? serverBaseUrl(stored.url) : null;
}

export function saveServerUrl(url: string | null): void {
  const settings = readStoredSettings();
  if (url === null) delete settings['server'];
  else settings['server'] = { url };
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  clearServerSession();
}

/**
 * The session, read once from the device (IndexedDB) at start; a session of the former
 * sessionStorage record is moved there. One for another server than the configured one is dropped.
 */
export function loadServerSession(): Promise<ServerSession | null> {
  loading ??= (async () => {
    const url = loadServerUrl();
    let kept = await readKeptSession(globalThis.indexedDB, new Date()).catch(() => null);
    const legacy = legacySession();
    sessionStorage.removeItem(SESSION_KEY);
    if (!kept && legacy && url) {
      kept = { ...legacy, serverUrl: url };
      await keepSession(globalThis.indexedDB, kept).catch(() => undefined);
    }
    if (kept && kept.serverUrl !== url) {
      await forgetKeptSession(globalThis.indexedDB).catch(() => undefined);
      kept = null;
    }
    // A login made meanwhile wins.
    if (!settled) set(kept && { token: kept.token, login: kept.login, displayName: kept.displayName, expiresAt: kept.expiresAt });
    return current;
  })();
  return loading;
}

/** The session now, or null; one that has expired is dropped here too, not only by the server. */
export function currentServerSession(now = Date.now()): ServerSession | null {
  if (current && Date.parse(current.expiresAt) <= now) clearServerSession();
  return current;
}

/** The session as last set, for rendering (no expiry check, which would change it while rendering). */
export function peekServerSession(): ServerSession | null {
  return current;
}

export function subscribeServerSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Kept on the device (until logout or expiry), so that sync goes on after the browser is closed or killed. */
export async function saveServerSession(session: ServerSession, serverUrl: string): Promise<void> {
  set(session);
  await keepSession(globalThis.indexedDB, { ...session, serverUrl });
}

export function clearServerSession(): void {
  set(null);
  void forgetKeptSession(globalThis.indexedDB).catch(() => undefined);
}

let current: ServerSession | null = null;
let settled = false;
let loading: Promise<ServerSession | null> | null = null;
const listeners = new Set<() => void>();

function set(session: ServerSession | null): void {
  settled = true;
  if (session === current) return;
  current = session;
  for (const listener of listeners) listener();
}

function legacySession(): ServerSession | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Partial<ServerSession> | null;
    if (!value || typeof value.token !== 'string' || typeof value.expiresAt !== 'string' || Date.parse(value.expiresAt) <= Date.now()) return null;
    return { token: value.token, login: String(value.login ?? ''), displayName: String(value.displayName ?? ''), expiresAt: value.expiresAt };
  } catch {
    return null;
  }
}
