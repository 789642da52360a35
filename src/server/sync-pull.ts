// The changes of a programme since a cursor (a change_log seq), in pages, each with the value of
// the thing after the change. Read in one repeatable-read snapshot, so a page's values are those of
// one moment. A change superseded by a later one in the log is passed over (the later one carries
// the value), so a device catching up on a feature edited many times receives it once.
//
// Why a seq cursor never skips a change: sequences are drawn in one order and transactions commit
// in another, so in general a reader can see seq 11 committed while seq 10 is still in flight and
// later appears behind its cursor. Here the change-log trigger takes a per-programme transaction
// lock before drawing the seq (migrations 001, 003), held until commit, so within a programme the
// seqs commit in order: every change of the programme below a visible one is visible too
// (tests/server/sync-pull.test.ts holds two transactions open at once to check it).
import type { Pool } from 'pg';
import type { PullResponse, PulledChange } from '../store/sync-protocol.ts';
import { currentValue, syncTarget } from './sync-values.ts';

export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 5000;

interface LogRow {
  seq: string;
  at: Date;
  layer: string;
  feature_id: string;
  op: string;
  revision: number;
  who: string;
  client_edit_id: string | null;
  device_id: string | null;
}

export async function pullChanges(pool: Pool, programmeId: string, since: number, limit: number): Promise<PullResponse> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const { rows } = await client.query<LogRow>(
      `select seq, at, layer, feature_id, op, revision, who, client_edit_id, device_id from change_log
       where programme_id = $1 and seq > $2 order by seq limit $3`, [programmeId, since, limit + 1]);
    const page = rows.slice(0, limit);
    const changes: PulledChange[] = [];
    // Within the page, only each thing's last change can carry its current value: the others are passed over unread.
    const last = new Map(page.map((row, index) => [`${row.layer}/${row.feature_id}`, index]));
    for (const [index, row] of page.entries()) {
      if (last.get(`${row.layer}/${row.feature_id}`) !== index) continue;
      const target = syncTarget(programmeId, row.layer, row.feature_id);
      if (!target) continue;
      const current = await currentValue(client, programmeId, target.layer, target.id);
      const removedForGood = row.op === 'delete' && current.revision === 0;
      if (current.revision !== row.revision && !removedForGood) continue;
      changes.push({
        seq: Number(row.seq), layer: target.layer, id: target.id, revision: row.revision, value: removedForGood ? null : current.value,
        clientEditId: row.client_edit_id, deviceId: row.device_id, who: row.who, at: row.at.toISOString(),
      });
    }
    await client.query('commit');
    return { changes, cursor: page.length > 0 ? Number(page.at(-1)!.seq) : since, more: rows.length > limit };
  } catch (error) {
    broken = await client.query('rollback').then(() => false, () => true);
    throw error;
  } finally {
    client.release(broken);
  }
}
