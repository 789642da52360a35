// The images of photos that reached this device in a pull (attached on another device): which
// are still missing, and storing one once downloaded, so it can be seen offline afterwards.
import type { IDBPDatabase } from 'idb';
import type { PhotoMeta } from '../../store/photo.ts';
import { readTransaction, writeTransaction } from '../field-transaction.ts';
import type { FieldDB } from '../schema.ts';

/** Attached photos whose image this device does not hold, at most `limit`. */
export function photosWithoutImage(db: IDBPDatabase<FieldDB>, limit: number): Promise<PhotoMeta[]> {
  return readTransaction(db, ['photos', 'photo_blobs'], 'reading which photos lack their image', async (t) => {
    const held = new Set(await t.objectStore('photo_blobs').getAllKeys());
    const photos = await t.objectStore('photos').getAll();
    return photos.flatMap((r) => (r.photo && !held.has(r.id) ? [r.photo] : [])).slice(0, limit);
  });
}

/**
 * Stores a downloaded image, unless the photo changed meanwhile (removed, or its metadata names
 * other bytes); returns whether it was stored. An image already held is kept as it is.
 */
export function storePhotoImage(db: IDBPDatabase<FieldDB>, photo: PhotoMeta, image: Blob): Promise<boolean> {
  return writeTransaction(db, ['photos', 'photo_blobs'], 'storing a photo\'s image', async (t) => {
    const current = (await t.objectStore('photos').get(photo.id))?.photo;
    if (!current || current.size !== image.size || current.type !== photo.type) return false;
    if ((await t.objectStore('photo_blobs').getKey(photo.id)) !== undefined) return false;
    await t.objectStore('photo_blobs').put({ id: photo.id, blob: image });
    return true;
  });
}
