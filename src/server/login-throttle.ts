// Brute force against one account is slowed whatever address it comes from: after a few failed
// logins each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s … up to
// 15 min), and while it waits even the right password is refused unchecked. A success clears it,
// and so does a day without failures (a forgotten password last month costs nothing today).
// Guessing from one address is limited separately, per minute (@fastify/rate-limit in app.ts).
import type { Pool } from 'pg';

export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_SECONDS = 15 * 60;

export function waitSeconds(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS);
}

/** Seconds the account must still wait before its next attempt (0: it may try now). */
export async function remainingWait(pool: Pool, login: string): Promise<number> {
  const { rows } = await pool.query<{ failures: number; since: number }>(
    'select failures, extract(epoch from now() - last_failure)::float8 as since from login_failures where login = $1',
    [login],
  );
  const row = rows[0];
  if (!row) return 0;
  return Math.max(0, Math.ceil(waitSeconds(row.failures) - row.since));
}

export async function recordFailure(pool: Pool, login: string): Promise<void> {
  await pool.query(
    `insert into login_failures (login, failures, last_failure) values ($1, 1, now())
     on conflict (login) do update set last_failure = now(),
       failures = case when login_failures.last_failure < now() - interval '1 day' then 1 else login_failures.failures + 1 end`,
    [login],
  );
}

export async function clearFailures(pool: Pool, login: string): Promise<void> {
  await pool.query('delete from login_failures where login = $1', [login]);
}
