// How much of the browser's storage this origin uses and may use (navigator.storage.estimate):
// the field database, photos, basemaps and cached tiles together. Browsers round and pad these
// figures on purpose; they are shown as estimates.
export interface StorageFigures {
  usedBytes: number;
  quotaBytes: number;
}

export async function storageEstimate(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<StorageFigures | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usedBytes: usage, quotaBytes: quota } : null;
  } catch {
    return null;
  }
}
