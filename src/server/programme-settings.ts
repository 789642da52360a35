// The targets in force and the buffer distances of a programme, changed on the revision the
// editor saw (else refused as stale) and checked by the app's rules (targets-validation.ts,
// domain/buffer-presets.ts).
import type { Pool } from 'pg';
import { validateBufferDistances, type BufferDistances } from '../domain/buffer-presets.ts';
import type { TargetTable } from '../domain/model.ts';
import { describeProblems } from '../store/problem.ts';
import { revisionRefusal } from '../store/slot.ts';
import { targetTableProblems } from '../store/targets-validation.ts';
import type { Account } from './accounts.ts';
import { inTransaction } from './database.ts';
import { invalid, ServerError } from './server-error.ts';

function refuseStale(what: string, current: number, base: number): void {
  const stale = revisionRefusal(what, { revision: current, value: null }, base);
  if (stale) throw new ServerError(409, stale.code, stale.reason);
}

export async function setTargets(pool: Pool, programmeId: string, account: Account, baseRevision: number, table: unknown): Promise<{ revision: number }> {
  return inTransaction(pool, account.login, async (client) => {
    const current = await client.query<{ revision: number }>('select revision from targets where programme_id = $1 for update', [programmeId]);
    refuseStale('the target table', current.rows[0]?.revision ?? 0, baseRevision);
    const townships = await client.query<{ id: string }>('select id from townships where programme_id = $1', [programmeId]);
    const problems = targetTableProblems(table, new Set(townships.rows.map((t) => t.id)));
    if (problems.length > 0) throw invalid(`the targets were refused: ${describeProblems(problems)}`, problems);
    const { rows } = await client.query<{ revision: number }>(
      `insert into targets (programme_id, target_table) values ($1, $2)
       on conflict (programme_id) do update set target_table = excluded.target_table returning revision`,
      [programmeId, JSON.stringify(table as TargetTable)],
    );
    return { revision: rows[0]!.revision };
  });
}

/** `distances` may name only some zone types; the others keep their current distance. */
export async function setBufferDistances(pool: Pool, programmeId: string, account: Account, baseRevision: number, distances: unknown): Promise<{ revision: number; bufferDistances: BufferDistances }> {
  return inTransaction(pool, account.login, async (client) => {
    const { rows } = await client.query<{ revision: number; buffer_distances: BufferDistances }>(
      'select revision, buffer_distances from programmes where id = $1 for update', [programmeId]);
    const current = rows[0]!;
    refuseStale(`programme ${programmeId}`, current.revision, baseRevision);
    const check = validateBufferDistances(distances, current.buffer_distances);
    if (!check.valid) throw invalid(`the buffer distances were refused: ${check.reason}`);
    const updated = await client.query<{ revision: number }>(
      'update programmes set buffer_distances = $2 where id = $1 returning revision', [programmeId, JSON.stringify(check.distances)]);
    return { revision: updated.rows[0]!.revision, bufferDistances: check.distances };
  });
}
