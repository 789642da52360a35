// The team server session's token for the sync engine, only while it has not expired, so that
// sync stops asking (and the sync line asks for a login) once the session ends.
import { currentServerSession } from './team-server/server-settings.ts';

export function syncToken(): string | null {
  return currentServerSession()?.token ?? null;
}
