import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { RealtimeClient, type RealtimeEventName, type RealtimeEvents, type RealtimeStatus } from './realtime-client';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Connects the signed-in console to the live events for as long as the shell is shown. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new RealtimeClient());
  useEffect(() => {
    void client.start().catch(() => undefined);
    return () => client.stop();
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient | null {
  return useContext(RealtimeContext);
}

/** Calls `handler` for every `event` while the component is mounted (always the latest handler). */
export function useRealtimeEvent<E extends RealtimeEventName>(event: E, handler: (payload: RealtimeEvents[E]) => void): void {
  const client = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client?.on(event, (payload) => latest.current(payload)), [client, event]);
}

const alwaysConnecting = () => 'connecting' as const;
const noSubscription = () => () => undefined;

export function useRealtimeStatus(): RealtimeStatus {
  const client = useRealtime();
  return useSyncExternalStore(client?.subscribeStatus ?? noSubscription, client?.getStatus ?? alwaysConnecting);
}
