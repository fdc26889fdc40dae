import { useSyncExternalStore } from 'react';
import { sessionStore } from '../api/client';
import type { SessionState } from './session-store';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
}
