// Photos on the server: the bytes are uploaded first, addressed by their SHA-256 (checked here),
// then attached by the app's own edit (store/edit.ts add-photo / remove-photo) naming that hash,
// under the app's rules: metadata checks (store/photo.ts), the revision check and a live treated
// polygon to attach to (store/apply-photo-edit.ts).
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { applyPhotoEdit } from '../store/apply-photo-edit.ts';
import type { PhotoEdit } from '../store/edit.ts';
import { preflightEdit } from '../store/edit-preflight.ts';
import { checkAreaGeometry } from '../store/geometry-check.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../store/photo.ts';
import { describeProblems } from '../store/problem.ts';
import type { Account } from './accounts.ts';
import { inTransaction } from './database.ts';
import { blobSize, photoSlot, storeBlob, writePhoto } from './photo-rows.ts';
import { invalid, ServerError } from './server-error.ts';
import { treatedSlot } from './treated-rows.ts';

/** Image types a browser shows as pictures only; SVG (which can carry script) is not one. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif', 'image/gif'];

export async function uploadPhotoBytes(pool: Pool, sha256: string, type: string, bytes: Buffer): Promise<{ sha256: string; size: number }> {
  if (!PHOTO_TYPES.includes(type)) throw new ServerError(415, 'unsupported_type', `photos must be one of ${PHOTO_TYPES.join(', ')}, not ${type}`);
  if (bytes.length === 0) throw invalid('the photo is empty (0 bytes)');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw invalid(`the bytes' SHA-256 is ${actual}, not ${sha256}: the upload was damaged or misaddressed`);
  await storeBlob(pool, sha256, bytes);
  return { sha256, size: bytes.length };
}

export async function applyPhotoEditOnServer(pool: Pool, programmeId: string, account: Account, edit: PhotoEdit, sha256: string | undefined, now: Date): Promise<{ id: string; revision: number }> {
  const problems = await preflightEdit(edit, account.displayName, { checkGeometry: checkAreaGeometry, maxPhotoBytes: DEFAULT_MAX_PHOTO_BYTES, now });
  if (problems.length > 0) throw invalid(`the edit was refused: ${describeProblems(problems)}`, problems);
  if (edit.kind === 'add-photo') {
    if (!PHOTO_TYPES.includes(edit.photo.type)) throw new ServerError(415, 'unsupported_type', `photos must be one of ${PHOTO_TYPES.join(', ')}, not ${edit.photo.type}`);
    if (sha256 === undefined) throw invalid('attaching a photo needs the sha256 of its uploaded bytes');
    const size = await blobSize(pool, sha256);
    if (size === null) throw new ServerError(409, 'missing_bytes', `no photo bytes with SHA-256 ${sha256} were uploaded: upload them first`);
    if (size !== edit.photo.size) throw invalid(`photo ${edit.photo.id} says ${edit.photo.size} bytes, the uploaded bytes are ${size}`);
  }
  const id = edit.kind === 'add-photo' ? edit.photo.id : edit.photoId;
  return inTransaction(pool, account.login, async (client) => {
    const slot = await photoSlot(client, programmeId, id, true);
    const parentId = edit.kind === 'add-photo' ? edit.photo.feature_id : null;
    const parentAlive = parentId === null || (await treatedSlot(client, programmeId, parentId, true)).value !== null;
    const applied = applyPhotoEdit(slot, edit, parentAlive);
    if (!applied.ok) throw new ServerError(applied.refusal.code === 'not_found' ? 404 : 409, applied.refusal.code, applied.refusal.reason);
    const revision = await writePhoto(client, programmeId, slot.revision > 0, id, applied.next.value, sha256 ?? slot.sha256);
    return { id, revision };
  });
}
