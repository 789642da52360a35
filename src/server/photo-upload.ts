// Resumable photo uploads: the bytes of one photo, named by their SHA-256, sent in pieces with
// Content-Range. The pieces received so far are kept (photo_uploads), so an upload cut off (the
// connection, the server killed) resumes from the bytes the server has; a piece sent again (its
// answer was lost) is taken from where the server's copy ends; at the end the whole is checked
// against its name and stored once (photo_blobs), so a retry never makes a second copy.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { inTransaction } from './database.ts';
import { PHOTO_TYPES } from './photo-edit.ts';
import { blobSize, storeBlob } from './photo-rows.ts';
import { invalid, ServerError } from './server-error.ts';

export interface UploadState {
  sha256: string;
  /** Bytes the server holds: where the next piece starts. */
  received: number;
  /** The whole photo's size, once known. */
  total: number | null;
  complete: boolean;
}

const CONTENT_RANGE = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/;

export function parseContentRange(header: string): { start: number; end: number; total: number } {
  const match = CONTENT_RANGE.exec(header.trim());
  if (!match) throw new ServerError(400, 'bad_content_range', `Content-Range must read "bytes first-last/total", not "${header}"`);
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (end < start || end >= total) throw new ServerError(400, 'bad_content_range', `Content-Range ${header}: the last byte must be at or after the first and before the total`);
  return { start, end, total };
}

export async function uploadState(pool: Pool, sha256: string): Promise<UploadState> {
  const size = await blobSize(pool, sha256);
  if (size !== null) return { sha256, received: size, total: size, complete: true };
  const { rows } = await pool.query<{ received: number; total: number }>(
    'select length(received) as received, total from photo_uploads where sha256 = $1', [Buffer.from(sha256, 'hex')]);
  return { sha256, received: rows[0]?.received ?? 0, total: rows[0]?.total ?? null, complete: false };
}

export async function uploadPhotoPiece(pool: Pool, sha256: string, type: string, range: string, piece: Buffer, maxBytes: number): Promise<UploadState> {
  if (!PHOTO_TYPES.includes(type)) throw new ServerError(415, 'unsupported_type', `photos must be one of ${PHOTO_TYPES.join(', ')}, not ${type}`);
  const { start, end, total } = parseContentRange(range);
  if (total > maxBytes) throw new ServerError(413, 'photo_too_large', `the photo is ${total} bytes, more than the largest a photo may be (${maxBytes})`);
  if (piece.length !== end - start + 1) throw invalid(`Content-Range names ${end - start + 1} bytes, the body holds ${piece.length}`);
  const key = Buffer.from(sha256, 'hex');
  if ((await blobSize(pool, sha256)) !== null) return { sha256, received: total, total, complete: true };
  const whole = await inTransaction(pool, 'photo-upload', async (client) => {
    await client.query('insert into photo_uploads (sha256, mime_type, total) values ($1, $2, $3) on conflict (sha256) do nothing', [key, type, total]);
    const { rows } = await client.query<{ received: number; total: number }>('select length(received) as received, total from photo_uploads where sha256 = $1 for update', [key]);
    const held = rows[0]!;
    if (held.total !== total) throw new ServerError(409, 'upload_mismatch', `this upload is of ${held.total} bytes, not ${total}: the same SHA-256 cannot name two sizes`);
    if (start > held.received) {
      throw new ServerError(409, 'upload_offset', `the server holds ${held.received} bytes of this photo: send from byte ${held.received}`, { headers: { 'upload-offset': String(held.received) } });
    }
    // A piece sent again overlaps what the server holds: only its new bytes are appended.
    const fresh = piece.subarray(held.received - start);
    if (fresh.length > 0) await client.query('update photo_uploads set received = received || $2, updated_at = now() where sha256 = $1', [key, fresh]);
    if (held.received + fresh.length < total) return 'partial' as const;
    // The whole is checked and stored, and the pieces dropped, in one transaction: a crash leaves either.
    const done = await client.query<{ received: Buffer }>('delete from photo_uploads where sha256 = $1 returning received', [key]);
    const whole = done.rows[0]!.received;
    const actual = createHash('sha256').update(whole).digest('hex');
    if (actual !== sha256) return actual;
    await storeBlob(client, sha256, whole);
    return 'stored' as const;
  });
  if (whole === 'partial') return uploadState(pool, sha256);
  if (whole !== 'stored') throw invalid(`the bytes' SHA-256 is ${whole}, not ${sha256}: the upload was damaged or misaddressed; start it again from byte 0`);
  return { sha256, received: total, total, complete: true };
}
