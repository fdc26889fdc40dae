/**
 * What the ticket screen knows about colleagues on the same ticket, from the gateway's `presence`
 * events and the live `message.created` events: who else has it open, who is typing now, and
 * whether someone else typed or replied since this screen was opened (or since the last warning
 * was acknowledged) — the collision warning before sending.
 */
export interface PresenceUser {
  id: string;
  name: string;
}

export interface PresencePayload {
  ticketId: string;
  viewers: PresenceUser[];
  typing: PresenceUser[];
}

export interface PresenceState {
  ticketId: string;
  selfId: string;
  /** Others with the ticket open. */
  viewers: PresenceUser[];
  /** Others typing now. */
  typing: PresenceUser[];
  /** Others who typed since the ticket was opened or the warning acknowledged. */
  typedSince: PresenceUser[];
  /** Staff (ids) who sent a reply or note since then. */
  repliedSince: string[];
}

export type PresenceAction =
  | { type: 'presence'; payload: PresencePayload }
  | { type: 'message'; ticketId: string; message: { direction: string; author: { type: string; id: string } | null } }
  | { type: 'acknowledge' }
  | { type: 'reset'; ticketId: string; selfId: string };

export function initialPresence(ticketId: string, selfId: string): PresenceState {
  return { ticketId, selfId, viewers: [], typing: [], typedSince: [], repliedSince: [] };
}

const others = (users: readonly PresenceUser[], selfId: string) => users.filter((u) => u.id !== selfId);

function union(a: readonly PresenceUser[], b: readonly PresenceUser[]): PresenceUser[] {
  const byId = new Map(a.map((u) => [u.id, u]));
  for (const u of b) byId.set(u.id, u);
  return [...byId.values()];
}

export function presenceReducer(state: PresenceState, action: PresenceAction): PresenceState {
  switch (action.type) {
    case 'reset':
      return initialPresence(action.ticketId, action.selfId);
    case 'acknowledge':
      return { ...state, typedSince: [], repliedSince: [] };
    case 'presence': {
      if (action.payload.ticketId !== state.ticketId) return state;
      const typing = others(action.payload.typing, state.selfId);
      return { ...state, viewers: others(action.payload.viewers, state.selfId), typing, typedSince: union(state.typedSince, typing) };
    }
    case 'message': {
      const { message } = action;
      if (action.ticketId !== state.ticketId || message.direction === 'inbound') return state;
      if (message.author?.type !== 'staff' || message.author.id === state.selfId) return state;
      if (state.repliedSince.includes(message.author.id)) return state;
      return { ...state, repliedSince: [...state.repliedSince, message.author.id] };
    }
  }
}

/** Whether to ask before sending: someone else typed or replied since the ticket was opened. */
export function hasCollision(state: PresenceState): boolean {
  return state.typedSince.length > 0 || state.repliedSince.length > 0;
}
