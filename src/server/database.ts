// The connection pool and the one way the server writes: a transaction that names the Fulv user it
// acts for, which the change-log trigger records (edits from QGIS record the database role). A
// pushed edit (sync-push.ts) runs the same write paths inside `asPushedEdit`, so that the same
// transaction also names the device edit in the log and remembers it as applied: a crash can never
// leave the edit applied but not remembered, or remembered but not applied.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';

export function createPool(connectionString: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'fulv-server' });
  // An idle client whose server went away must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

export interface PushedEditContext {
  programmeId: string;
  clientEditId: string;
  deviceId: string;
}

const pushedEdit = new AsyncLocalStorage<PushedEditContext>();

/** Runs `work` (one edit's write path) as the pushed edit `context`. */
export function asPushedEdit<T>(context: PushedEditContext, work: () => Promise<T>): Promise<T> {
  return pushedEdit.run(context, work);
}

/** The last change_log seq the pushed edit wrote, once its transaction is committed. */
const appliedSeqs = new WeakMap<PushedEditContext, number>();
export const appliedSeq = (context: PushedEditContext): number | undefined => appliedSeqs.get(context);

async function rememberPushedEdit(client: PoolClient, context: PushedEditContext): Promise<number> {
  const { rows } = await client.query<{ seq: string }>(
    `insert into sync_applied_edits (programme_id, client_edit_id, device_id, seq)
     values ($1::text, $2::text, $3, coalesce((select max(seq) from change_log where programme_id = $1::text and client_edit_id = $2::text), 0))
     returning seq`,
    [context.programmeId, context.clientEditId, context.deviceId],
  );
  return Number(rows[0]!.seq);
}

export async function inTransaction<T>(pool: Pool, who: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const context = pushedEdit.getStore();
  // A pushed edit is one transaction: a write path that took two could apply half an edit.
  if (context && appliedSeqs.has(context)) throw new Error(`pushed edit ${context.clientEditId} tried a second transaction`);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('fulv.user', $1, true), set_config('fulv.client_edit_id', $2, true), set_config('fulv.device_id', $3, true)",
      [who, context?.clientEditId ?? '', context?.deviceId ?? '']);
    const result = await work(client);
    const seq = context ? await rememberPushedEdit(client, context) : undefined;
    await client.query('commit');
    if (context && seq !== undefined) appliedSeqs.set(context, seq);
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot even roll back (the database restarted) is dropped, not reused.
    const broken = await client.query('rollback').then(() => false, () => true);
    client.release(broken);
    throw error;
  }
}
