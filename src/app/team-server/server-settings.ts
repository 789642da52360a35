// The team server this browser works with, if any: its address in the settings record (so the
// page's security policy can allow its origin before anything runs), and the login session in
// sessionStorage — it ends with the tab, and the token never goes into a URL.
import { readStoredSettings, SETTINGS_KEY } from '../settings-storage.ts';

export interface ServerSession {
  token: string;
  login: string;
  displayName: string;
  expiresAt: string;
}

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

export function loadServerSession(): ServerSession | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Partial<ServerSession> | null;
    if (!value || typeof value.token !== 'string' || typeof value.expiresAt !== 'string' || Date.parse(value.expiresAt) <= Date.now()) return null;
    return { token: value.token, login: String(value.login ?? ''), displayName: String(value.displayName ?? ''), expiresAt: value.expiresAt };
  } catch {
    return null;
  }
}

export function saveServerSession(session: ServerSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearServerSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}
