// The team server session's token for the sync engine. The login (src/app/team-server, branch
// h-srv2) keeps the session in sessionStorage under this key; read the same record, and only
// while it has not expired, so that sync stops asking once the session ends.
const SESSION_KEY = 'fulv.server.session.v1';

export function syncToken(): string | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as { token?: unknown; expiresAt?: unknown } | null;
    if (typeof value?.token !== 'string' || typeof value.expiresAt !== 'string' || Date.parse(value.expiresAt) <= Date.now()) return null;
    return value.token;
  } catch {
    return null;
  }
}
