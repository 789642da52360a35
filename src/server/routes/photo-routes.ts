// Photos of treated polygons: upload the bytes (addressed by SHA-256; whole, or resumable in
// Content-Range pieces), attach or remove them by the
// app's photo edits, read the metadata and the image. Served images can never run as a page.
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { PhotoEdit } from '../../store/edit.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../../store/photo.ts';
import { applyPhotoEditOnServer, uploadPhotoBytes } from '../photo-edit.ts';
import { photoContent, photoSlot } from '../photo-rows.ts';
import { uploadPhotoPiece, uploadState } from '../photo-upload.ts';
import { programmeRoles, requirePermission } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { ID_SCHEMA, PROGRAMME_PARAMS, paramsWith } from '../request-schemas.ts';
import { ServerError } from '../server-error.ts';

const SHA256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

export async function photoRoutes(app: FastifyInstance, options: { pool: Pool; readPool: Pool; now: () => Date }): Promise<void> {
  const { pool, readPool, now } = options;
  // Image bytes arrive as they are; the limit is the app's own largest photo.
  app.addContentTypeParser(/^image\/[a-z0-9.+-]+$/, { parseAs: 'buffer', bodyLimit: DEFAULT_MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));

  app.put<{ Params: { programmeId: string; sha256: string }; Body: Buffer }>('/api/programmes/:programmeId/photo-bytes/:sha256', {
    bodyLimit: DEFAULT_MAX_PHOTO_BYTES,
    schema: { params: { type: 'object', required: ['programmeId', 'sha256'], additionalProperties: false, properties: { programmeId: ID_SCHEMA, sha256: SHA256 } } },
  }, async (request, reply) => {
    const { programmeId, sha256 } = request.params;
    requirePermission(await programmeRoles(pool, requestAccount(request), programmeId), 'editTreated');
    if (!Buffer.isBuffer(request.body)) throw new ServerError(415, 'unsupported_type', 'send the photo bytes with their image content type, e.g. image/jpeg');
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
    const range = request.headers['content-range'];
    if (range === undefined) return reply.code(201).send(await uploadPhotoBytes(pool, sha256, type, request.body));
    // One piece of a resumable upload (photo-upload.ts): 201 once whole, else 202 and where to go on.
    const state = await uploadPhotoPiece(pool, sha256, type, range, request.body, DEFAULT_MAX_PHOTO_BYTES);
    return reply.code(state.complete ? 201 : 202).header('upload-offset', String(state.received)).send(state);
  });

  // How much of a photo's bytes the server holds (HEAD too): where an interrupted upload resumes.
  app.get<{ Params: { programmeId: string; sha256: string } }>('/api/programmes/:programmeId/photo-bytes/:sha256', {
    schema: { params: { type: 'object', required: ['programmeId', 'sha256'], additionalProperties: false, properties: { programmeId: ID_SCHEMA, sha256: SHA256 } } },
  }, async (request, reply) => {
    const { programmeId, sha256 } = request.params;
    requirePermission(await programmeRoles(pool, requestAccount(request), programmeId), 'editTreated');
    const state = await uploadState(pool, sha256);
    return reply.header('upload-offset', String(state.received)).send(state);
  });

  app.post<{ Params: { programmeId: string }; Body: { edit: PhotoEdit; sha256?: string } }>('/api/programmes/:programmeId/photo-edits', {
    schema: {
      params: PROGRAMME_PARAMS,
      body: {
        type: 'object', required: ['edit'], additionalProperties: false,
        properties: { edit: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['add-photo', 'remove-photo'] } } }, sha256: SHA256 },
      },
    },
  }, async (request) => {
    const { programmeId } = request.params;
    const account = requestAccount(request);
    requirePermission(await programmeRoles(pool, account, programmeId), 'editTreated');
    return applyPhotoEditOnServer(pool, programmeId, account, request.body.edit, request.body.sha256, now());
  });

  app.get<{ Params: { programmeId: string; photoId: string } }>('/api/programmes/:programmeId/photos/:photoId', { schema: { params: paramsWith('photoId') } }, async (request) => {
    const { programmeId, photoId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const slot = await photoSlot(readPool, programmeId, photoId, false);
    if (slot.revision === 0) throw new ServerError(404, 'not_found', `photo ${photoId} is not in programme ${programmeId}`);
    return { revision: slot.revision, photo: slot.value, sha256: slot.sha256 };
  });

  app.get<{ Params: { programmeId: string; photoId: string } }>('/api/programmes/:programmeId/photos/:photoId/content', { schema: { params: paramsWith('photoId') } }, async (request, reply) => {
    const { programmeId, photoId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const content = await photoContent(readPool, programmeId, photoId);
    if (!content) throw new ServerError(404, 'not_found', `photo ${photoId} is not attached in programme ${programmeId}`);
    // The ETag is the bytes' SHA-256, so a device checks what it downloaded against its name.
    return reply
      .header('content-type', content.type)
      .header('etag', `"${content.sha256}"`)
      .header('cache-control', 'private, no-cache')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(content.bytes);
  });
}
