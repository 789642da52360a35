// Changes to a programme's data, each under its role rule: treated polygons (the app's edits),
// acceptance steps, targets and buffer distances. Reads of the records they are based on are here
// too, so a client can learn the revision to base its change on.
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { ReviewerAction } from '../../store/review-edits.ts';
import type { TreatedEdit } from '../../store/edit.ts';
import { programmeRoles, requirePermission, reviewRoleFor } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { ID_SCHEMA, PROGRAMME_PARAMS, REVISION_SCHEMA, paramsWith } from '../request-schemas.ts';
import { setBufferDistances, setTargets } from '../programme-settings.ts';
import { takeReviewStep, takeReviewSteps } from '../review-step.ts';
import { ServerError } from '../server-error.ts';
import { applyTreatedEditOnServer, TREATED_EDIT_KINDS, type TreatedBatch } from '../treated-edit.ts';
import { reviewSlot } from '../review-rows.ts';
import { treatedSlot } from '../treated-rows.ts';

/**
 * `pool` is the primary, which every write, membership check and revision check uses; `readPool`
 * (a read replica, or the primary) serves plain reads, which may lag a little behind: a change
 * based on a lagging revision is refused as stale by the primary, never applied.
 */
export async function editRoutes(app: FastifyInstance, options: { pool: Pool; readPool: Pool; now: () => Date }): Promise<void> {
  const { pool, readPool, now } = options;

  app.get<{ Params: { programmeId: string; id: string } }>('/api/programmes/:programmeId/treated/:id', { schema: { params: paramsWith('id') } }, async (request) => {
    const { programmeId, id } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const slot = await treatedSlot(readPool, programmeId, id, false);
    if (slot.revision === 0) throw new ServerError(404, 'not_found', `treated polygon ${id} is not in programme ${programmeId}`);
    return { revision: slot.revision, feature: slot.value };
  });

  app.post<{ Params: { programmeId: string }; Body: TreatedEdit | TreatedBatch }>('/api/programmes/:programmeId/treated-edits', {
    schema: {
      params: PROGRAMME_PARAMS,
      // The edit's shape in full is the app's own rule (store/edit-shape.ts), applied next.
      body: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: [...TREATED_EDIT_KINDS, 'batch'] }, baseRevision: REVISION_SCHEMA } },
    },
  }, async (request) => {
    const { programmeId } = request.params;
    const account = requestAccount(request);
    requirePermission(await programmeRoles(pool, account, programmeId), 'editTreated');
    const edit = request.body;
    return edit.kind === 'batch'
      ? applyTreatedEditOnServer(pool, programmeId, account, edit, now())
      : applyTreatedEditOnServer(pool, programmeId, account, edit, now());
  });

  app.get<{ Params: { programmeId: string; parcelId: string } }>('/api/programmes/:programmeId/parcels/:parcelId/review', { schema: { params: paramsWith('parcelId') } }, async (request) => {
    const { programmeId, parcelId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const slot = await reviewSlot(readPool, programmeId, parcelId, false);
    return { revision: slot.revision, review: slot.value };
  });

  app.post<{ Params: { programmeId: string; parcelId: string }; Body: { action: ReviewerAction; note?: string; baseRevision: number } }>(
    '/api/programmes/:programmeId/parcels/:parcelId/review',
    {
      schema: {
        params: paramsWith('parcelId'),
        body: {
          type: 'object', required: ['action', 'baseRevision'], additionalProperties: false,
          properties: { action: { type: 'string', enum: ['submit', 'accept', 'send_back', 'close'] }, note: { type: 'string', maxLength: 2000 }, baseRevision: REVISION_SCHEMA },
        },
      },
    },
    async (request) => {
      const { programmeId, parcelId } = request.params;
      const account = requestAccount(request);
      const role = reviewRoleFor(await programmeRoles(pool, account, programmeId), request.body.action);
      return takeReviewStep(pool, programmeId, parcelId, account, { ...request.body, note: request.body.note ?? '', role }, now());
    },
  );

  app.post<{ Params: { programmeId: string }; Body: { action: ReviewerAction; note?: string; parcels: { parcelId: string; baseRevision: number }[] } }>(
    '/api/programmes/:programmeId/review-steps',
    {
      schema: {
        params: PROGRAMME_PARAMS,
        body: {
          type: 'object', required: ['action', 'parcels'], additionalProperties: false,
          properties: {
            action: { type: 'string', enum: ['submit', 'accept', 'send_back', 'close'] }, note: { type: 'string', maxLength: 2000 },
            parcels: {
              type: 'array', minItems: 1, maxItems: 10_000,
              items: { type: 'object', required: ['parcelId', 'baseRevision'], additionalProperties: false, properties: { parcelId: ID_SCHEMA, baseRevision: REVISION_SCHEMA } },
            },
          },
        },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      const account = requestAccount(request);
      const role = reviewRoleFor(await programmeRoles(pool, account, programmeId), request.body.action);
      const steps = await takeReviewSteps(pool, programmeId, request.body.parcels, account, { action: request.body.action, note: request.body.note ?? '', role }, now());
      return { steps };
    },
  );

  app.get<{ Params: { programmeId: string } }>('/api/programmes/:programmeId/targets', { schema: { params: PROGRAMME_PARAMS } }, async (request) => {
    const { programmeId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const { rows } = await readPool.query<{ revision: number; target_table: unknown }>('select revision, target_table from targets where programme_id = $1', [programmeId]);
    return { revision: rows[0]?.revision ?? 0, table: rows[0]?.target_table ?? null };
  });

  app.put<{ Params: { programmeId: string }; Body: { baseRevision: number; table: unknown } }>('/api/programmes/:programmeId/targets', {
    schema: {
      params: PROGRAMME_PARAMS,
      body: { type: 'object', required: ['baseRevision', 'table'], additionalProperties: false, properties: { baseRevision: REVISION_SCHEMA, table: { type: 'object' } } },
    },
  }, async (request) => {
    const { programmeId } = request.params;
    const account = requestAccount(request);
    requirePermission(await programmeRoles(pool, account, programmeId), 'setTargets');
    return setTargets(pool, programmeId, account, request.body.baseRevision, request.body.table);
  });

  app.put<{ Params: { programmeId: string }; Body: { baseRevision: number; distances: unknown } }>('/api/programmes/:programmeId/buffer-distances', {
    schema: {
      params: PROGRAMME_PARAMS,
      body: { type: 'object', required: ['baseRevision', 'distances'], additionalProperties: false, properties: { baseRevision: REVISION_SCHEMA, distances: { type: 'object' } } },
    },
  }, async (request) => {
    const { programmeId } = request.params;
    const account = requestAccount(request);
    requirePermission(await programmeRoles(pool, account, programmeId), 'setBuffers');
    return setBufferDistances(pool, programmeId, account, request.body.baseRevision, request.body.distances);
  });
}
