// Uploading a photo's bytes to the team server, resumably: the server is asked how many bytes of
// this SHA-256 it already holds and the rest is sent in pieces with Content-Range
// (src/server/photo-upload.ts). Nothing about the upload is kept on the device: after a cut
// connection, a reload or a kill the next try asks again and goes on from there. Named by their
// content, the bytes are stored once however often a piece is sent again.
import { bearer, failureOf, SyncFailure, type SyncTransport } from './sync-transport.ts';

/** A piece small enough to get through a weak mobile connection before it drops. */
export const DEFAULT_PHOTO_PIECE_BYTES = 256 * 1024;

interface UploadState {
  received: number;
  total: number | null;
  complete: boolean;
}

function uploadState(value: unknown, size: number): UploadState {
  const state = value as Partial<UploadState> | null;
  const received = state?.received;
  if (typeof received !== 'number' || !Number.isInteger(received) || received < 0 || received > size || typeof state?.complete !== 'boolean') {
    throw new SyncFailure(`the server's upload state ${JSON.stringify(value)} does not fit a photo of ${size} bytes`, 0);
  }
  return { received, total: typeof state.total === 'number' ? state.total : null, complete: state.complete };
}

export async function sha256Hex(image: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await image.arrayBuffer()));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Makes sure the server holds `image` under `url` (…/photo-bytes/<sha256>); throws SyncFailure when it cannot. */
export async function uploadPhotoBytes(transport: SyncTransport, url: string, token: string, image: Blob, pieceBytes = DEFAULT_PHOTO_PIECE_BYTES): Promise<void> {
  const size = image.size;
  const type = image.type || 'application/octet-stream';
  const ask = async (): Promise<UploadState> => {
    const response = await transport(url, { method: 'GET', headers: bearer(token) });
    if (!response.ok) throw await failureOf(response);
    return uploadState(await response.json(), size);
  };
  let state = await ask();
  if (!state.complete && state.total !== null && state.total !== size) {
    throw new SyncFailure(`the server holds an upload of ${state.total} bytes under this photo's SHA-256, not ${size}`, 409);
  }
  // Each round sends a piece or learns where to go on; a server that keeps moving back is not followed forever.
  let rounds = 2 * Math.ceil(size / pieceBytes) + 4;
  while (!state.complete) {
    if (rounds-- === 0) throw new SyncFailure('the server did not take the photo\'s bytes', 0);
    const start = state.received;
    const end = Math.min(size, start + pieceBytes);
    const response = await transport(url, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': type, 'content-range': `bytes ${start}-${end - 1}/${size}` },
      body: image.slice(start, end, type),
    });
    if (response.ok) {
      state = uploadState(await response.json(), size);
      continue;
    }
    const failure = await failureOf(response);
    // The server holds fewer bytes than this device thought (its pieces were lost): ask again.
    if (failure.code !== 'upload_offset') throw failure;
    state = await ask();
  }
}
