// Sync (docs/sync-protocol.md): a device pushes its outbox and pulls the others' changes.
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { SYNC_PROTOCOL_VERSION, type PushRequest, type PushResponse, type WaitResponse } from '../../store/sync-protocol.ts';
import type { ChangeNotifications } from '../change-notifications.ts';
import { programmeRoles } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { PROGRAMME_PARAMS } from '../request-schemas.ts';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pullChanges } from '../sync-pull.ts';
import { ServerError } from '../server-error.ts';
import { pushEdits } from '../sync-push.ts';

/** Edits per push: enough for a day's work offline, small enough to answer within a timeout. */
export const MAX_PUSH_EDITS = 500;
/** A push may carry large geometries (an imported batch), but not unbounded: 16 MiB. */
export const MAX_PUSH_BYTES = 16 * 1024 * 1024;

/** How long a wait is held open by default, under the minute after which proxies often cut a request. */
export const DEFAULT_WAIT_SECONDS = 25;
const MAX_WAIT_SECONDS = 55;

const WHOLE = { type: 'string', pattern: '^[0-9]{1,15}$' } as const;
const CLIENT_EDIT_ID = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' } as const;

async function latestSeq(pool: Pool, programmeId: string): Promise<number> {
  const { rows } = await pool.query<{ seq: string | null }>('select max(seq) as seq from change_log where programme_id = $1', [programmeId]);
  return Number(rows[0]?.seq ?? 0);
}

export async function syncRoutes(app: FastifyInstance, options: { pool: Pool; now: () => Date; changes: ChangeNotifications }): Promise<void> {
  const { pool, now, changes } = options;

  app.post<{ Params: { programmeId: string }; Body: PushRequest }>('/api/programmes/:programmeId/sync/push', {
    bodyLimit: MAX_PUSH_BYTES,
    schema: {
      params: PROGRAMME_PARAMS,
      body: {
        type: 'object', required: ['protocol', 'deviceId', 'edits'], additionalProperties: false,
        properties: {
          protocol: { type: 'integer', const: SYNC_PROTOCOL_VERSION },
          deviceId: CLIENT_EDIT_ID,
          edits: {
            type: 'array',
            items: {
              type: 'object', required: ['clientEditId', 'edit', 'madeAt'], additionalProperties: false,
              // The edit's shape in full is the app's own rule (store/edit-shape.ts), applied per edit.
              properties: { clientEditId: CLIENT_EDIT_ID, edit: { type: 'object' }, madeAt: { type: 'string', maxLength: 40 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
            },
          },
        },
      },
    },
  }, async (request): Promise<PushResponse> => {
    const { programmeId } = request.params;
    const { deviceId, edits } = request.body;
    if (edits.length > MAX_PUSH_EDITS) throw new ServerError(413, 'too_many_edits', `a push carries at most ${MAX_PUSH_EDITS} edits, this one ${edits.length}: push the rest in the next request`);
    return { outcomes: await pushEdits(pool, programmeId, requestAccount(request), deviceId, edits, now) };
  });

  app.get<{ Params: { programmeId: string }; Querystring: { since?: string; limit?: string } }>('/api/programmes/:programmeId/sync/pull', {
    schema: { params: PROGRAMME_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { since: WHOLE, limit: WHOLE } } },
  }, async (request) => {
    const { programmeId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const limit = Math.min(Math.max(Number(request.query.limit ?? DEFAULT_PULL_LIMIT), 1), MAX_PULL_LIMIT);
    return pullChanges(pool, programmeId, Number(request.query.since ?? 0), limit);
  });

  // A long poll (docs/sync-protocol.md "Waiting for changes"): answers as soon as the programme's
  // change log goes beyond `since`, or after `seconds` with the log as it is. A GET with the bearer
  // header, so a browser's fetch can send it (EventSource could not).
  app.get<{ Params: { programmeId: string }; Querystring: { since: string; seconds?: string } }>('/api/programmes/:programmeId/sync/wait', {
    schema: {
      params: PROGRAMME_PARAMS,
      querystring: { type: 'object', required: ['since'], additionalProperties: false, properties: { since: WHOLE, seconds: { type: 'string', pattern: '^[0-9]{1,2}$' } } },
    },
  }, async (request, reply): Promise<WaitResponse> => {
    const { programmeId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const since = Number(request.query.since);
    const seconds = Math.min(Math.max(Number(request.query.seconds ?? DEFAULT_WAIT_SECONDS), 1), MAX_WAIT_SECONDS);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    // Listening first, then reading: a change committed between the two still wakes this request.
    const waiting = changes.waitFor(programmeId, seconds * 1000, gone.signal);
    const before = await latestSeq(pool, programmeId);
    if (before > since) {
      gone.abort();
      return { latest: before };
    }
    await waiting;
    return { latest: await latestSeq(pool, programmeId) };
  });
}
