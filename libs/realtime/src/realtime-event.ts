export const REALTIME_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.assigned',
  'message.created',
  'message.updated',
  'notification.created',
] as const;
export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

/**
 * What the console is told. Payloads are small (ids and the fields a list row shows);
 * the console fetches details it needs. `audience` limits who receives it.
 */
export interface RealtimeEvent {
  type: RealtimeEventType;
  payload: Record<string, unknown>;
  audience: { ticketType?: string; userIds?: string[] };
}

export const REALTIME_CHANNEL = 'realtime';
