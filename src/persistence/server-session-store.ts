// The team-server login kept on this device: a small IndexedDB database ("fulv-session") holding
// one record, so that a browser killed in the background (or closed) still syncs its waiting edits
// when it opens again. IndexedDB rather than sessionStorage (ends with the tab) or localStorage
// (Chromium loses its recent writes when killed). The token is a bearer token: the record is
// dropped at logout and once it has expired.
import { FieldStoreError } from './field-store-error.ts';

export const SESSION_DB_NAME = 'fulv-session';

export interface KeptSession {
  token: string;
  login: string;
  displayName: string;
  expiresAt: string;
  /** The server the token is for (its base URL). */
  serverUrl: string;
}

const STORE = 'session';
const KEY = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('request failed', 'UnknownError'));
  });
}

async function withStore<T>(factory: IDBFactory | undefined, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  if (!factory) throw new FieldStoreError('unsupported', 'This browser offers no IndexedDB (a private window?), so the login cannot be kept.');
  const opening = factory.open(SESSION_DB_NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  const db = await request(opening);
  try {
    const tx = db.transaction(STORE, mode, { durability: 'strict' });
    const result = await request(work(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    });
    return result;
  } finally {
    db.close();
  }
}

function asSession(value: unknown): KeptSession | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Record<keyof KeptSession, unknown>>;
  if (typeof v.token !== 'string' || typeof v.expiresAt !== 'string' || typeof v.serverUrl !== 'string' || Number.isNaN(Date.parse(v.expiresAt))) return null;
  return { token: v.token, login: String(v.login ?? ''), displayName: String(v.displayName ?? ''), expiresAt: v.expiresAt, serverUrl: v.serverUrl };
}

/** The kept session, or null when none is kept; an expired or unreadable one is deleted. */
export async function readKeptSession(factory: IDBFactory | undefined, now: Date): Promise<KeptSession | null> {
  const raw: unknown = await withStore(factory, 'readonly', (s) => s.get(KEY));
  if (raw === undefined) return null;
  const session = asSession(raw);
  if (session && Date.parse(session.expiresAt) > now.getTime()) return session;
  await forgetKeptSession(factory);
  return null;
}

/** Keeps the session; done once it is on disk. */
export async function keepSession(factory: IDBFactory | undefined, session: KeptSession): Promise<void> {
  await withStore(factory, 'readwrite', (s) => s.put(session, KEY));
}

export async function forgetKeptSession(factory: IDBFactory | undefined): Promise<void> {
  await withStore(factory, 'readwrite', (s) => s.delete(KEY));
}
