// Field databases as older schema versions laid them out, written with raw IndexedDB for the
// migration tests. A frozen record of those versions: never derived from the app's own code.
export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The object stores of schema version 2 (field editing), 3 (+ review) or 4 (+ seed ids, settings). */
export function createOldLayout(db: IDBDatabase, version: 2 | 3 | 4): void {
  db.createObjectStore('meta');
  db.createObjectStore('programme');
  db.createObjectStore('townships', { keyPath: 'id' });
  db.createObjectStore('mines', { keyPath: 'id' });
  db.createObjectStore('parcels', { keyPath: 'properties.id' });
  db.createObjectStore('zones', { keyPath: 'properties.id' });
  db.createObjectStore('treated', { keyPath: 'id' });
  db.createObjectStore('photos', { keyPath: 'id' }).createIndex('feature_id', 'feature_id');
  db.createObjectStore('photo_blobs', { keyPath: 'id' });
  db.createObjectStore('journal', { keyPath: 'seq' });
  db.createObjectStore('undo', { keyPath: 'step' });
  db.createObjectStore('redo', { keyPath: 'step' });
  if (version < 3) return;
  db.createObjectStore('reviews', { keyPath: 'id' });
  db.createObjectStore('targets', { keyPath: 'id' });
  if (version < 4) return;
  db.createObjectStore('seed_ids');
  db.createObjectStore('settings', { keyPath: 'id' });
}
