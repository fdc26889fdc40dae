/**
 * Who is looking at which ticket, and who is typing a reply or note on it, for the console's
 * collision warning. This registry holds the sockets of this api process (sockets are sticky to one
 * process); `SharedPresence` publishes each process's part in Redis so viewers on different
 * replicas see each other.
 */
export interface PresenceUser {
  id: string;
  name: string;
}

export interface TicketPresence {
  ticketId: string;
  /** Everyone with the ticket open (once per person, however many tabs). */
  viewers: PresenceUser[];
  /** Those who typed in the reply box within the last few seconds. */
  typing: PresenceUser[];
}

/** A typing signal lasts this long; the console repeats it every few seconds while typing goes on. */
const TYPING_TTL_MS = 6_000;
/** A socket may watch this many tickets at once (tabs are one socket each; a screen watches one ticket). */
export const MAX_WATCHED_PER_SOCKET = 20;

/** One socket watching a ticket; `typingUntil` is a time in ms (0: not typing). */
export interface Watch {
  user: PresenceUser;
  typingUntil: number;
}

/** A ticket's presence from the watches of every process: each person once, typing while their signal lasts. */
export function presenceOf(ticketId: string, watches: Iterable<Watch>, now: number): TicketPresence {
  const viewers = new Map<string, PresenceUser>();
  const typing = new Map<string, PresenceUser>();
  for (const watch of watches) {
    viewers.set(watch.user.id, watch.user);
    if (watch.typingUntil > now) typing.set(watch.user.id, watch.user);
  }
  return { ticketId, viewers: [...viewers.values()], typing: [...typing.values()] };
}

export class TicketPresenceRegistry {
  private readonly tickets = new Map<string, Map<string, Watch>>();
  private readonly sockets = new Map<string, Set<string>>();

  constructor(private readonly typingTtlMs = TYPING_TTL_MS) {}

  /** Starts watching; false when nothing changed (already watching, or the socket watches too many). */
  watch(ticketId: string, socketId: string, user: PresenceUser): boolean {
    const watched = this.sockets.get(socketId) ?? new Set<string>();
    if (watched.has(ticketId)) return false;
    if (watched.size >= MAX_WATCHED_PER_SOCKET) return false;
    watched.add(ticketId);
    this.sockets.set(socketId, watched);
    const watchers = this.tickets.get(ticketId) ?? new Map<string, Watch>();
    watchers.set(socketId, { user: { id: user.id, name: user.name }, typingUntil: 0 });
    this.tickets.set(ticketId, watchers);
    return true;
  }

  unwatch(ticketId: string, socketId: string): boolean {
    const watchers = this.tickets.get(ticketId);
    if (!watchers?.delete(socketId)) return false;
    if (watchers.size === 0) this.tickets.delete(ticketId);
    const watched = this.sockets.get(socketId);
    watched?.delete(ticketId);
    if (watched?.size === 0) this.sockets.delete(socketId);
    return true;
  }

  /** Marks the socket's user as typing on a ticket it watches; true when they were not typing before. */
  typing(ticketId: string, socketId: string, now: number): boolean {
    const watch = this.tickets.get(ticketId)?.get(socketId);
    if (!watch) return false;
    const wasTyping = watch.typingUntil > now;
    watch.typingUntil = now + this.typingTtlMs;
    return !wasTyping;
  }

  /** The socket closed: it stops watching everything. Returns the tickets whose presence changed. */
  leaveAll(socketId: string): string[] {
    const watched = [...(this.sockets.get(socketId) ?? [])];
    for (const ticketId of watched) this.unwatch(ticketId, socketId);
    return watched;
  }

  /** Typing signals that ran out since the last call. Returns the tickets whose typing list changed. */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [ticketId, watchers] of this.tickets) {
      let any = false;
      for (const watch of watchers.values()) {
        if (watch.typingUntil !== 0 && watch.typingUntil <= now) {
          watch.typingUntil = 0;
          any = true;
        }
      }
      if (any) changed.push(ticketId);
    }
    return changed;
  }

  isWatching(ticketId: string, socketId: string): boolean {
    return this.tickets.get(ticketId)?.has(socketId) ?? false;
  }

  /** This process's watches of a ticket. */
  watches(ticketId: string): Watch[] {
    return [...(this.tickets.get(ticketId)?.values() ?? [])];
  }

  /** Tickets watched by at least one socket of this process. */
  watchedTickets(): string[] {
    return [...this.tickets.keys()];
  }

  snapshot(ticketId: string, now: number): TicketPresence {
    return presenceOf(ticketId, this.watches(ticketId), now);
  }
}
