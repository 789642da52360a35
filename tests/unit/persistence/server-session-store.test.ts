// The team-server login kept on the device: it outlives the page (a new connection to the same
// IndexedDB reads it back), goes at logout, and is dropped once expired or unreadable.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { forgetKeptSession, keepSession, readKeptSession, SESSION_DB_NAME, type KeptSession } from '../../../src/persistence/server-session-store.ts';

const session: KeptSession = { token: 'tok-1', login: 'li', displayName: '李', expiresAt: '2026-12-08T12:00:00Z', serverUrl: 'https://fulv.example.gov.cn' };
const before = new Date('2026-12-08T11:59:59Z');

describe('the kept team-server session', () => {
  it('reads back what was kept, until logout', async () => {
    const factory = new IDBFactory();
    expect(await readKeptSession(factory, before)).toBeNull();
    await keepSession(factory, session);
    expect(await readKeptSession(factory, before)).toEqual(session);
    await forgetKeptSession(factory);
    expect(await readKeptSession(factory, before)).toBeNull();
  });

  it('drops a session at its expiry, for good', async () => {
    const factory = new IDBFactory();
    await keepSession(factory, session);
    expect(await readKeptSession(factory, new Date('2026-12-08T12:00:00Z'))).toBeNull();
    expect(await readKeptSession(factory, before)).toBeNull();
  });

  it('drops a record it cannot read as a session', async () => {
    const factory = new IDBFactory();
    await keepSession(factory, session);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open(SESSION_DB_NAME);
      req.onsuccess = () => resolve(req.result);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('session', 'readwrite');
      tx.objectStore('session').put({ token: 'tok-2', expiresAt: 'never' }, 'current');
      tx.oncomplete = resolve;
    });
    db.close();
    expect(await readKeptSession(factory, before)).toBeNull();
    await keepSession(factory, session);
    expect(await readKeptSession(factory, before)).toEqual(session);
  });
});
