// User accounts. Logins are compared in lower case, so 'Zhang.Wei' and 'zhang.wei' are one account.
import type { Pool, PoolClient } from 'pg';
import { hashPassword, passwordProblem } from './passwords.ts';
import { invalid, ServerError } from './server-error.ts';

export interface Account {
  id: number;
  login: string;
  displayName: string;
  isServerAdmin: boolean;
}

export const LOGIN_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$';

export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  is_server_admin: boolean;
}

export function accountOf(row: AccountRow): Account {
  return { id: Number(row.id), login: row.login, displayName: row.display_name, isServerAdmin: row.is_server_admin };
}

export const ACCOUNT_COLUMNS = 'users.id, users.login, users.display_name, users.is_server_admin';

export async function createAccount(db: Pool | PoolClient, input: { login: string; displayName: string; password: string; isServerAdmin?: boolean }): Promise<Account> {
  const login = normaliseLogin(input.login);
  if (!new RegExp(LOGIN_PATTERN).test(login)) throw invalid(`login ${JSON.stringify(input.login)} is not 1–100 letters, digits or _.@-`);
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 100) throw invalid('the display name is empty or longer than 100 characters');
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem);
  const passwordHash = await hashPassword(input.password);
  const { rows } = await db.query<AccountRow>(
    `insert into users (login, display_name, password_hash, is_server_admin) values ($1, $2, $3, $4)
     on conflict (login) do nothing returning id, login, display_name, is_server_admin`,
    [login, displayName, passwordHash, input.isServerAdmin ?? false],
  );
  if (!rows[0]) throw new ServerError(409, 'already_exists', `an account with login ${login} already exists`);
  return accountOf(rows[0]);
}

export async function findAccount(db: Pool | PoolClient, login: string): Promise<(Account & { passwordHash: string }) | null> {
  const { rows } = await db.query<AccountRow & { password_hash: string }>(
    `select ${ACCOUNT_COLUMNS}, users.password_hash from users where login = $1`,
    [normaliseLogin(login)],
  );
  return rows[0] ? { ...accountOf(rows[0]), passwordHash: rows[0].password_hash } : null;
}

export async function setPassword(db: Pool | PoolClient, accountId: number, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw invalid(problem);
  await db.query('update users set password_hash = $2 where id = $1', [accountId, await hashPassword(password)]);
}
