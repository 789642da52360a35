// The team-server session for components: read from the device once at start, then as logins
// and logouts change it.
import { useEffect, useSyncExternalStore } from 'react';
import { loadServerSession, peekServerSession, subscribeServerSession, type ServerSession } from './server-settings.ts';

export function useServerSession(): ServerSession | null {
  useEffect(() => void loadServerSession(), []);
  return useSyncExternalStore(subscribeServerSession, peekServerSession);
}
