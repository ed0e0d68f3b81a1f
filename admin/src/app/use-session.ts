import { useSyncExternalStore } from 'react';
import { currentSession, subscribeSession, type Session } from '../api/session';

/** The signed-in session, re-rendering when it starts or ends (also after a 401). */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, currentSession, currentSession);
}
