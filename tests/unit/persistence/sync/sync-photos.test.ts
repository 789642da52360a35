// Photos through the sync engine against the in-memory server: bytes go up in Content-Range
// pieces and resume from what the server holds after a cut connection and a reload; a photo
// pulled from another device brings its image, checked and stored, without holding up the data.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldStore } from '../../../../src/persistence/field-store.ts';
import type { PhotoDownloadResult } from '../../../../src/persistence/sync/photo-download.ts';
import { uploadPhotoBytes } from '../../../../src/persistence/sync/photo-upload.ts';
import { SyncFailure } from '../../../../src/persistence/sync/sync-transport.ts';
import { SyncEngine, type SyncActivity, type SyncEngineOptions, type SyncTransport } from '../../../../src/persistence/sync/sync-engine.ts';
import { fieldProgramme, image, testDatabase, type TestDatabase } from '../../../helpers/field-store.ts';
import { FakeSyncServer, memoryLocks } from '../../../helpers/sync-server.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

interface Device {
  store: FieldStore;
  engine: SyncEngine;
  activity: SyncActivity[];
  images: PhotoDownloadResult[];
  reload(): Promise<Device>;
}

async function device(server: FakeSyncServer, name: string, extra: Partial<SyncEngineOptions> = {}, database: TestDatabase = testDatabase()): Promise<Device> {
  const store = await database.open();
  open.push(store);
  if (!(await store.sync.link())) await store.sync.linkTo({ serverUrl: 'https://fulv.test/', serverProgrammeId: 'TEST', cursor: 0 });
  const activity: SyncActivity[] = [];
  const images: PhotoDownloadResult[] = [];
  const engine = new SyncEngine({
    sync: store.sync, transport: server.transport(), token: () => `user-${name}`, isOnline: () => true, lock: memoryLocks(), programmeId: 'TEST',
    onActivity: (a) => activity.push(a), onPhotoImages: (r) => images.push(r), schedule: () => () => undefined, photoPieceBytes: 1024, ...extra,
  });
  return { store, engine, activity, images, reload: () => device(server, name, extra, database) };
}

const bytesOf = async (blob: Blob | null): Promise<Uint8Array | null> => (blob ? new Uint8Array(await blob.arrayBuffer()) : null);
const sha256Of = async (blob: Blob): Promise<string> => createHash('sha256').update(await bytesOf(blob) as Uint8Array).digest('hex');
const puts = (server: FakeSyncServer): string[] => server.requests.filter((r) => r.startsWith('PUT'));

/** Records each PUT's Content-Range, and lets a test act on the server before a PUT arrives. */
function watched(server: FakeSyncServer, ranges: string[], before?: (range: string) => void): SyncTransport {
  const inner = server.transport();
  return (url, init) => {
    const range = init.headers['content-range'];
    if (init.method === 'PUT' && range) {
      before?.(range);
      ranges.push(range);
    }
    return inner(url, init);
  };
}

describe('photos through sync', () => {
  it('uploads in Content-Range pieces; cut midway, it resumes after a reload from the bytes the server holds, stored once and attached once', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const ranges: string[] = [];
    const a = await device(server, 'a', { transport: watched(server, ranges) });
    const bytes = image(5000);
    const sha256 = await sha256Of(bytes);
    const photo = await a.store.addPhoto('T-T1', bytes, {}, '赵军');
    // Three pieces reach the server; the answer to the third is lost with the connection.
    server.cutAfterPieces = 2;
    await a.engine.poke();
    expect(a.activity.at(-1)).toMatchObject({ state: 'failed', message: 'network connection lost' });
    expect(server.uploads.get(sha256)?.received.length).toBe(3072);
    expect(server.requests.filter((r) => r.includes('/sync/push'))).toEqual([]);
    a.engine.stop();

    const restarted = await a.reload();
    await restarted.engine.poke();
    expect(ranges).toEqual(['bytes 0-1023/5000', 'bytes 1024-2047/5000', 'bytes 2048-3071/5000', 'bytes 3072-4095/5000', 'bytes 4096-4999/5000']);
    // The restarted device asked where to go on before sending anything.
    const afterRestart = server.requests.slice(server.requests.findIndex((r) => r.startsWith('PUT')) + 3);
    expect(afterRestart[0]).toBe(`GET https://fulv.test/api/programmes/TEST/photo-bytes/${sha256}`);
    expect([...server.photoBytes.keys()]).toEqual([sha256]);
    expect(server.photoBytes.get(sha256)).toEqual(await bytesOf(bytes));
    expect(server.uploads.size).toBe(0);
    expect(server.photos.get(photo.id)).toEqual({ sha256, featureId: 'T-T1' });
    expect(server.log.filter((c) => c.layer === 'photos')).toHaveLength(1);
    expect(restarted.store.getSnapshot().sync).toMatchObject({ waiting: 0, refused: 0 });
  });

  it('a push whose answer is lost is replayed without sending the bytes again, which the server holds whole', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const bytes = image(2500);
    const sha256 = await sha256Of(bytes);
    await a.store.addPhoto('T-T1', bytes, {}, '赵军');
    server.loseNextPushAnswer = true;
    await a.engine.poke();
    await a.engine.poke();
    expect(puts(server)).toHaveLength(3);
    expect(server.requests.filter((r) => r.includes('/photo-bytes/')).at(-1)).toBe(`GET https://fulv.test/api/programmes/TEST/photo-bytes/${sha256}`);
    expect(server.log.filter((c) => c.layer === 'photos')).toHaveLength(1);
    expect(a.store.getSnapshot().sync).toMatchObject({ waiting: 0, refused: 0 });
  });

  it('when the server holds fewer bytes than it said (it lost pieces), the device asks again and goes on from there', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const bytes = image(4000);
    const sha256 = await sha256Of(bytes);
    const all = (await bytesOf(bytes))!;
    server.uploads.set(sha256, { received: all.slice(0, 2048), total: 4000 });
    const ranges: string[] = [];
    let lost = false;
    const a = await device(server, 'a', {
      transport: watched(server, ranges, () => {
        if (lost) return;
        lost = true;
        server.uploads.set(sha256, { received: all.slice(0, 1024), total: 4000 });
      }),
    });
    await a.store.addPhoto('T-T1', bytes, {}, '赵军');
    await a.engine.poke();
    expect(ranges).toEqual(['bytes 2048-3071/4000', 'bytes 1024-2047/4000', 'bytes 2048-3071/4000', 'bytes 3072-3999/4000']);
    expect(server.photoBytes.get(sha256)).toEqual(all);
    expect(a.activity.at(-1)).toEqual({ state: 'idle' });
  });

  it('a photo pulled from another device brings its image, kept on the device after a reload', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    const bytes = image(3000, 'image/png');
    const photo = await a.store.addPhoto('T-T1', bytes, { slot: 'after' }, '赵军');
    await a.engine.poke();
    await b.engine.poke();
    expect(b.store.getSnapshot().photoRecords.get(photo.id)?.photo).toEqual(photo);
    expect(b.images.at(-1)).toEqual({ stored: 1, failed: [] });
    const reloaded = await b.reload();
    const stored = await reloaded.store.photoImage(photo.id);
    expect(stored?.type).toBe('image/png');
    expect(await bytesOf(stored)).toEqual(await bytesOf(bytes));
    // Held now: the next sync asks for nothing.
    server.requests.length = 0;
    await reloaded.engine.poke();
    expect(server.requests.filter((r) => r.includes('/content'))).toEqual([]);
    // The device that attached it never downloads its own image.
    expect(a.images.every((r) => r.stored === 0 && r.failed.length === 0)).toBe(true);
  });

  it('an image that fails to download or arrives damaged does not hold up the data, is not stored, and is fetched on a later sync', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b');
    const first = await a.store.addPhoto('T-T1', image(1500), {}, '赵军');
    const second = await a.store.addPhoto('T-T2', image(1700), {}, '赵军');
    await a.engine.poke();
    server.failImage.add(first.id);
    server.tamperedImage.add(second.id);
    await b.engine.poke();
    expect(b.activity.at(-1)).toEqual({ state: 'idle' });
    expect((await b.store.sync.link())!.cursor).toBe(2);
    expect(b.store.getSnapshot().photoRecords.get(first.id)?.photo).toEqual(first);
    expect(b.images.at(-1)?.stored).toBe(0);
    expect(new Map(b.images.at(-1)?.failed.map((f) => [f.photoId, f.reason]))).toEqual(new Map([
      [first.id, 'network connection lost'],
      [second.id, expect.stringMatching(/^the bytes' SHA-256 is [0-9a-f]{64}, the server named [0-9a-f]{64}$/)],
    ]));
    expect(await b.store.photoImage(first.id)).toBeNull();
    expect(await b.store.photoImage(second.id)).toBeNull();

    server.failImage.clear();
    server.tamperedImage.clear();
    await b.engine.poke();
    expect(b.images.at(-1)).toEqual({ stored: 2, failed: [] });
    expect(await bytesOf(await b.store.photoImage(second.id))).toEqual(await bytesOf(image(1700)));
  });

  it('an image larger than a photo may be is never requested', async () => {
    const server = new FakeSyncServer(fieldProgramme().treated.features);
    const a = await device(server, 'a');
    const b = await device(server, 'b', { maxPhotoBytes: 1000 });
    const photo = await a.store.addPhoto('T-T1', image(1001), {}, '赵军');
    await a.engine.poke();
    await b.engine.poke();
    expect(server.requests.filter((r) => r.includes('/content'))).toEqual([]);
    expect(b.images.at(-1)).toEqual({ stored: 0, failed: [{ photoId: photo.id, reason: 'the photo is 1001 bytes, more than a photo may be (1000)' }] });
    expect(b.store.getSnapshot().photoRecords.get(photo.id)?.photo).toEqual(photo);
  });

  it('sends nothing when the server holds an upload of another size under the same SHA-256, or answers nonsense', async () => {
    const bytes = image(3000);
    const sha256 = await sha256Of(bytes);
    const url = `https://fulv.test/api/programmes/TEST/photo-bytes/${sha256}`;
    const server = new FakeSyncServer([]);
    server.uploads.set(sha256, { received: new Uint8Array(10), total: 4000 });
    const refused = await uploadPhotoBytes(server.transport(), url, 'user-a', bytes, 1024).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncFailure);
    expect(refused).toMatchObject({ status: 409, message: 'the server holds an upload of 4000 bytes under this photo\'s SHA-256, not 3000' });
    const nonsense: SyncTransport = () => Promise.resolve({
      ok: true, status: 200, headers: new Headers(), json: () => Promise.resolve({ received: 5000, complete: false }), blob: () => Promise.resolve(new Blob()),
    });
    await expect(uploadPhotoBytes(nonsense, url, 'user-a', bytes, 1024)).rejects.toThrow('the server\'s upload state {"received":5000,"complete":false} does not fit a photo of 3000 bytes');
    expect(puts(server)).toEqual([]);
  });
});
