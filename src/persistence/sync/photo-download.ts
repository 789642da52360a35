// Bringing the images of pulled photos: after the data is pulled (never holding it up), each
// attached photo whose image this device lacks is downloaded from the team server, checked
// against its metadata (size, type) and its SHA-256 (the server's ETag), and stored. A photo that
// fails stays missing and is tried again on the next sync; a few per sync keep each run short.
import type { PhotoMeta } from '../../store/photo.ts';
import { sha256Hex } from './photo-upload.ts';
import { bearer, type SyncTransport } from './sync-transport.ts';

export const PHOTOS_PER_SYNC = 20;

export interface PhotoImageStore {
  photosWithoutImage(limit: number): Promise<PhotoMeta[]>;
  storePhotoImage(photo: PhotoMeta, image: Blob): Promise<boolean>;
}

export interface PhotoDownloadResult {
  stored: number;
  /** Why each photo that failed did (tried again on the next sync). */
  failed: { photoId: string; reason: string }[];
}

async function downloadOne(transport: SyncTransport, programmesUrl: string, token: string, photo: PhotoMeta, maxBytes: number): Promise<Blob> {
  if (photo.size > maxBytes) throw new Error(`the photo is ${photo.size} bytes, more than a photo may be (${maxBytes})`);
  const response = await transport(`${programmesUrl}/photos/${encodeURIComponent(photo.id)}/content`, { method: 'GET', headers: bearer(token) });
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
  const length = response.headers.get('content-length');
  // Refused before reading: a body larger than the photo it claims to be is never taken into memory.
  if (length !== null && Number(length) > photo.size) throw new Error(`the server sends ${length} bytes, the photo is ${photo.size}`);
  const body = await response.blob();
  if (body.size !== photo.size) throw new Error(`the server sent ${body.size} bytes, the photo is ${photo.size}`);
  const etag = /^(?:W\/)?"([0-9a-f]{64})"$/.exec(response.headers.get('etag') ?? '')?.[1];
  if (!etag) throw new Error('the server did not name the bytes\' SHA-256');
  const actual = await sha256Hex(body);
  if (actual !== etag) throw new Error(`the bytes' SHA-256 is ${actual}, the server named ${etag}`);
  // The type is the photo's (checked when it was attached), not whatever the answer said.
  return new Blob([body], { type: photo.type });
}

export async function downloadPhotoImages(
  transport: SyncTransport, programmesUrl: string, token: string, store: PhotoImageStore, maxBytes: number, limit = PHOTOS_PER_SYNC,
): Promise<PhotoDownloadResult> {
  const result: PhotoDownloadResult = { stored: 0, failed: [] };
  for (const photo of await store.photosWithoutImage(limit)) {
    try {
      if (await store.storePhotoImage(photo, await downloadOne(transport, programmesUrl, token, photo, maxBytes))) result.stored += 1;
    } catch (error) {
      result.failed.push({ photoId: photo.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
