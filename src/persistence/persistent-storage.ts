// Asks the browser not to evict this origin's storage under pressure. Without it, Chromium and
// Safari may clear IndexedDB of a site not visited for a while, which for a field app means a
// lost survey. Browsers decide by their own rules (installed app, bookmarks, engagement), so
// the answer is reported, not assumed.
export type PersistenceGrant = 'granted' | 'denied' | 'unsupported';

/** The part of StorageManager this needs; passed in by tests, navigator.storage otherwise. */
export type PersistableStorage = Pick<StorageManager, 'persist' | 'persisted'>;

function defaultStorage(): Partial<PersistableStorage> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export async function requestPersistentStorage(storage: Partial<PersistableStorage> | undefined = defaultStorage()): Promise<PersistenceGrant> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Firefox rejects in some private modes instead of answering false.
    return 'denied';
  }
}
