// The login as the app keeps it: on the device across a restart (a new page reads it back), the
// former sessionStorage record moved there once, dropped for another server, and an expired
// token dropped by the client too — the sync engine then gets no token, so its line asks for a login.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerSession } from '../../../src/app/team-server/server-settings.ts';

const SERVER = 'https://fulv.example.gov.cn';
const session: ServerSession = { token: 'tok-1', login: 'li', displayName: '李', expiresAt: '2026-12-08T12:00:00Z' };

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  setItem(key: string, value: string): void { this.items.set(key, value); }
  removeItem(key: string): void { this.items.delete(key); }
}

let factory: IDBFactory;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-08T08:00:00Z') });
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  localStorage.setItem('fulv.settings.v1', JSON.stringify({ server: { url: SERVER } }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A fresh page: the modules start with nothing in memory; the device's storage stays. */
async function page() {
  vi.resetModules();
  const settings = await import('../../../src/app/team-server/server-settings.ts');
  const { syncToken } = await import('../../../src/app/sync-token.ts');
  return { ...settings, syncToken };
}

describe('the kept team-server session', () => {
  it('is there after a restart, without logging in again, until logout', async () => {
    const first = await page();
    await first.loadServerSession();
    expect(first.syncToken()).toBeNull();
    await first.saveServerSession(session, SERVER);
    expect(first.syncToken()).toBe('tok-1');
    const second = await page();
    expect(second.syncToken()).toBeNull();
    expect(await second.loadServerSession()).toEqual(session);
    expect(second.syncToken()).toBe('tok-1');
    second.clearServerSession();
    expect(second.syncToken()).toBeNull();
    await vi.waitFor(async () => expect(await (await page()).loadServerSession()).toBeNull());
  });

  it('drops an expired token on the client, telling those who listen', async () => {
    const app = await page();
    await app.loadServerSession();
    await app.saveServerSession(session, SERVER);
    const heard = vi.fn();
    app.subscribeServerSession(heard);
    vi.setSystemTime(new Date('2026-12-08T12:00:00Z'));
    expect(app.syncToken()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(await (await page()).loadServerSession()).toBeNull();
  });

  it('moves a session kept in sessionStorage to the device, once', async () => {
    sessionStorage.setItem('fulv.server.session.v1', JSON.stringify(session));
    expect(await (await page()).loadServerSession()).toEqual(session);
    expect(sessionStorage.getItem('fulv.server.session.v1')).toBeNull();
    expect(await (await page()).loadServerSession()).toEqual(session);
  });

  it('drops a session kept for another server than the one now configured', async () => {
    const app = await page();
    await app.loadServerSession();
    await app.saveServerSession(session, 'https://old.example.gov.cn');
    expect(await (await page()).loadServerSession()).toBeNull();
  });
});
