// Which stored offline basemap the map shows, remembered across reloads (the archives themselves
// are in OPFS or IndexedDB; this is only the choice).
const KEY = 'fulv.offline-basemap.v1';

export function loadOfflineBasemapChoice(): string | null {
  try {
    const value = localStorage.getItem(KEY);
    return value && value.startsWith('bm-') ? value : null;
  } catch {
    return null;
  }
}

export function saveOfflineBasemapChoice(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the choice lasts until the page is closed.
  }
}
