import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../../src/persistence/persistent-storage.ts';

describe('asking for persistent storage', () => {
  it('reports a grant, and does not ask again when already persisted', async () => {
    let asked = 0;
    const ask = async () => (asked++, true);
    expect(await requestPersistentStorage({ persisted: async () => false, persist: ask })).toBe('granted');
    expect(await requestPersistentStorage({ persisted: async () => true, persist: ask })).toBe('granted');
    expect(asked).toBe(1);
  });

  it('reports a refusal, including a browser that throws instead of answering', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('denied');
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('private mode')) })).toBe('denied');
  });

  it('says when the browser has no such API', async () => {
    expect(await requestPersistentStorage({})).toBe('unsupported');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});
