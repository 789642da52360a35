// Photos: stored as Blobs with their metadata, attached and removed through the write path,
// size-limited with a message the surveyor can act on.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { deleteTreated } from '../../../src/store/edits-from-snapshot.ts';
import { image, NOW, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function setup(maxPhotoBytes?: number) {
  const database = testDatabase();
  const store = await database.open(maxPhotoBytes ? { maxPhotoBytes } : {});
  open.push(store);
  return { database, store };
}
const bytes = async (blob: Blob | null): Promise<number[]> => [...new Uint8Array(await blob!.arrayBuffer())];

describe('photos', () => {
  it('stores the image with time, location and size, and survives a reload', async () => {
    const { database, store } = await setup();
    const taken = new Date('2025-11-19T06:30:00Z');
    const photo = await store.addPhoto('T-T1', image(3000), { takenAt: taken, location: { lon: 118.505, lat: 40.105, accuracy_m: 4 }, name: 'IMG_0001.jpg' }, '赵军');
    expect(photo).toMatchObject({ feature_id: 'T-T1', taken_at: '2025-11-19T06:30:00.000Z', size: 3000, type: 'image/jpeg', name: 'IMG_0001.jpg', location: { lon: 118.505, lat: 40.105, accuracy_m: 4 } });
    expect(store.getSnapshot().photosByFeature.get('T-T1')).toEqual([photo]);
    await store.close();
    const reopened = await database.open();
    open.push(reopened);
    expect(reopened.getSnapshot().photosByFeature.get('T-T1')).toEqual([photo]);
    expect(await bytes(await reopened.photoImage(photo.id))).toEqual(await bytes(image(3000)));
  });

  it('defaults the time taken to now and the location to none', async () => {
    const { store } = await setup();
    const photo = await store.addPhoto('T-T2', image(10), {}, '赵军');
    expect(photo).toMatchObject({ taken_at: NOW.toISOString(), location: null, name: '' });
  });

  it('refuses a photo over the size limit with a clear message, storing nothing', async () => {
    const { store } = await setup(2 * 1024 * 1024);
    const attempt = store.addPhoto('T-T1', image(3 * 1024 * 1024), { name: 'huge.jpg' }, '赵军');
    await expect(attempt).rejects.toMatchObject({
      code: 'photo_too_large',
      message: 'Photo “huge.jpg” is 3.0 MB; the limit is 2.0 MB. Take it at a lower resolution or compress it, then attach it again.',
    });
    expect(store.getSnapshot().photoRecords.size).toBe(0);
  });

  it('refuses a file that is not an image, and a polygon that does not exist', async () => {
    const { store } = await setup();
    await expect(store.addPhoto('T-T1', image(10, 'application/pdf'), {}, '赵军')).rejects.toThrow(/file type "application\/pdf" is not an image/);
    await expect(store.addPhoto('NOPE', image(10), {}, '赵军')).rejects.toMatchObject({ code: 'no_parent' });
    expect(await store.journal()).toEqual([]);
  });

  it('removes a photo undoably, keeping the image until the removal can no longer be undone', async () => {
    const { store } = await setup();
    const photo = await store.addPhoto('T-T1', image(100), {}, '赵军');
    await store.removePhoto(photo.id, '赵军');
    expect(store.getSnapshot().photosByFeature.get('T-T1')).toBeUndefined();
    await store.undo('赵军');
    expect(store.getSnapshot().photosByFeature.get('T-T1')).toEqual([photo]);
    expect(await store.photoImage(photo.id)).not.toBeNull();
  });

  it('drops the image of an undone photo once a new edit clears the redo history', async () => {
    const { store } = await setup();
    const photo = await store.addPhoto('T-T1', image(100), {}, '赵军');
    await store.undo('赵军');
    expect(await store.photoImage(photo.id)).not.toBeNull();
    await store.transact(deleteTreated(store.getSnapshot(), 'T-T2'), '赵军');
    expect(await store.photoImage(photo.id)).toBeNull();
  });

  it('hides the photos of a deleted polygon and brings them back when the deletion is undone', async () => {
    const { store } = await setup();
    const photo = await store.addPhoto('T-T1', image(100), {}, '赵军');
    await store.transact(deleteTreated(store.getSnapshot(), 'T-T1'), '赵军');
    expect(store.getSnapshot().photosByFeature.has('T-T1')).toBe(false);
    await store.undo('赵军');
    expect(store.getSnapshot().photosByFeature.get('T-T1')).toEqual([photo]);
  });
});
