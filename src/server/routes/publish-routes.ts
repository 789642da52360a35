// Publishing a whole programme (a server admin, from the app or the command line) and downloading
// it for offline use as one gzip'd snapshot with its length, so a client can show progress.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { ProgrammeContent } from '../../domain/programme-content.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../io/import-limits.ts';
import { describeProblems } from '../../store/problem.ts';
import { programmeContentProblems } from '../../store/programme-content-validation.ts';
import { inTransaction } from '../database.ts';
import { insertProgrammeContent } from '../programme-content-store.ts';
import { programmeRoles } from '../programme-roles.ts';
import { readProgrammeSnapshot } from '../programme-snapshot.ts';
import { requestAccount } from '../request-account.ts';
import { PROGRAMME_PARAMS } from '../request-schemas.ts';
import { invalid, programmeNotFound, ServerError } from '../server-error.ts';

const gzipAsync = promisify(gzip);

export const DEFAULT_PUBLISH_BODY_LIMIT = 256 * 1024 * 1024;

export interface PublishRouteOptions {
  pool: Pool;
  now: () => Date;
  /** Largest programme a publish may send, in bytes of JSON. */
  publishBodyLimit: number;
}

export async function publishRoutes(app: FastifyInstance, options: PublishRouteOptions): Promise<void> {
  const { pool } = options;

  app.post('/api/programmes', { bodyLimit: options.publishBodyLimit }, async (request, reply) => {
    const account = requestAccount(request);
    if (!account.isServerAdmin) throw new ServerError(403, 'forbidden', 'only a server admin may publish a new programme; ask one to publish it or to make you one');
    const problems = programmeContentProblems(request.body, { maxFeatures: DEFAULT_IMPORT_LIMITS.maxFeatures, maxVertices: DEFAULT_IMPORT_LIMITS.maxVertices }, options.now());
    if (problems.length > 0) throw invalid(`the programme cannot be published: ${describeProblems(problems)}`, problems);
    const content = request.body as ProgrammeContent;
    const id = content.programme.id;
    const changeSeq = await inTransaction(pool, account.login, async (client) => {
      // Re-publishing would overwrite members' work: an existing id is refused, never replaced.
      const { rowCount } = await client.query('select 1 from programmes where id = $1 for update', [id]);
      if (rowCount) throw new ServerError(409, 'programme_exists', `programme ${id} is already on the server; publish it under a new id, or have its admin remove it first`);
      await insertProgrammeContent(client, content);
      await client.query("insert into memberships (programme_id, user_id, role) values ($1, $2, 'admin')", [id, account.id]);
      // The change-log position the published content is at, so the publisher's copy can sync from there.
      const { rows } = await client.query<{ seq: string }>('select coalesce(max(seq), 0) as seq from change_log where programme_id = $1', [id]);
      return Number(rows[0]!.seq);
    }).catch((error: unknown) => {
      // Two publishes of one id at once: the loser's insert meets the primary key.
      if ((error as { code?: string }).code === '23505') throw new ServerError(409, 'programme_exists', `programme ${id} is already on the server`);
      throw error;
    });
    // Every published record starts at revision 1 (the revision trigger): the publisher's copy takes that.
    const summary = { id, name: content.programme.name, parcels: content.programme.parcels.features.length, changeSeq };
    return reply.code(201).header('location', `/api/programmes/${encodeURIComponent(id)}`).send(summary);
  });

  app.get<{ Params: { programmeId: string } }>('/api/programmes/:programmeId/snapshot', { schema: { params: PROGRAMME_PARAMS } }, async (request, reply) => {
    const { programmeId } = request.params;
    await programmeRoles(pool, requestAccount(request), programmeId);
    const snapshot = await readProgrammeSnapshot(pool, programmeId);
    if (!snapshot) throw programmeNotFound(programmeId);
    const text = Buffer.from(snapshot.json, 'utf8');
    const body = await gzipAsync(text);
    // Sent as a gzip file, not with Content-Encoding, so Content-Length is what the client counts.
    return reply
      .header('content-type', 'application/gzip')
      .header('content-disposition', `attachment; filename="${programmeId}.fulv-snapshot.json.gz"`)
      .header('content-length', body.byteLength)
      .header('x-fulv-change-seq', String(snapshot.changeSeq))
      .header('x-fulv-uncompressed-length', String(text.byteLength))
      .header('cache-control', 'no-store')
      .send(body);
  });
}
