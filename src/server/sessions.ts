// Sessions: an opaque random token (256 bits) that the client sends as "Authorization: Bearer …".
// Only its SHA-256 is stored. No cookie is ever set or read, so a page of another site cannot
// make a browser send the token (CSRF-safe by construction).
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { ACCOUNT_COLUMNS, accountOf, type Account } from './accounts.ts';

const sha256 = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export async function openSession(pool: Pool, accountId: number, hours: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  await pool.query('delete from sessions where expires_at < now()');
  const { rows } = await pool.query<{ expires_at: Date }>(
    `insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(hours => $3)) returning expires_at`,
    [sha256(token), accountId, hours],
  );
  return { token, expiresAt: rows[0]!.expires_at.toISOString() };
}

export async function sessionAccount(pool: Pool, token: string): Promise<Account | null> {
  const { rows } = await pool.query(
    `select ${ACCOUNT_COLUMNS} from sessions join users on users.id = sessions.user_id
     where sessions.token_hash = $1 and sessions.expires_at > now()`,
    [sha256(token)],
  );
  return rows[0] ? accountOf(rows[0]) : null;
}

export async function closeSession(pool: Pool, token: string): Promise<void> {
  await pool.query('delete from sessions where token_hash = $1', [sha256(token)]);
}

/** The token of an "Authorization: Bearer <token>" header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  return match ? match[1]! : null;
}

/** Ends every session of the account but the one given (after a password change). */
export async function closeOtherSessions(pool: Pool, accountId: number, keepToken: string): Promise<void> {
  await pool.query('delete from sessions where user_id = $1 and token_hash <> $2', [accountId, sha256(keepToken)]);
}
