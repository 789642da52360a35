// A programme's change log, in order from a sequence number on: what changed (layer, id,
// insert/update/delete), its new revision, who changed it (a Fulv login, or the database role of
// an edit made in QGIS) and when. A client that has read up to `next` asks again from there.
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { programmeRoles } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { PROGRAMME_PARAMS } from '../request-schemas.ts';

const MAX_LIMIT = 10_000;
/** Query strings are text; whole numbers are checked by pattern and read here (bodies are never coerced). */
const WHOLE = { type: 'string', pattern: '^[0-9]{1,18}$' } as const;

interface ChangeRow {
  seq: string;
  at: Date;
  layer: string;
  feature_id: string;
  op: string;
  revision: number;
  who: string;
}

export async function changeLogRoutes(app: FastifyInstance, options: { pool: Pool; readPool: Pool }): Promise<void> {
  app.get<{ Params: { programmeId: string }; Querystring: { after?: string; limit?: string } }>('/api/programmes/:programmeId/changes', {
    schema: { params: PROGRAMME_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { after: WHOLE, limit: WHOLE } } },
  }, async (request) => {
    const { programmeId } = request.params;
    await programmeRoles(options.pool, requestAccount(request), programmeId);
    const after = request.query.after ?? '0';
    const limit = Math.min(Math.max(Number(request.query.limit ?? 1000), 1), MAX_LIMIT);
    const { rows } = await options.readPool.query<ChangeRow>(
      `select seq, at, layer, feature_id, op, revision, who from change_log
       where programme_id = $1 and seq > $2 order by seq limit $3`,
      [programmeId, after, limit],
    );
    return {
      changes: rows.map((r) => ({ seq: Number(r.seq), at: r.at.toISOString(), layer: r.layer, featureId: r.feature_id, op: r.op, revision: r.revision, who: r.who })),
      next: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : Number(after),
    };
  });
}
