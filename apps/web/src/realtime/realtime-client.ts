import type { Socket } from 'socket.io-client';
import type { MessageView, NotificationView, TicketView } from '../api/views';
import type { PresencePayload } from './presence';

/** What the api pushes (apps/api/src/realtime/realtime.gateway.ts) and what the console listens to. */
export interface RealtimeEvents {
  'ticket.created': { ticket: TicketView };
  'ticket.updated': { ticket: TicketView };
  'ticket.assigned': { ticket: TicketView };
  'message.created': { ticketId: string; message: MessageView };
  'message.updated': { ticketId: string; message: MessageView };
  'notification.created': { notification: NotificationView };
  presence: PresencePayload;
  /** Not from the server: the connection came back after a gap, so events may have been missed; refetch. */
  resync: Record<string, never>;
}
export type RealtimeEventName = keyof RealtimeEvents;
export type RealtimeStatus = 'connecting' | 'live' | 'offline';

type Handler<E extends RealtimeEventName> = (payload: RealtimeEvents[E]) => void;

/**
 * One socket.io connection per signed-in console (path /socket.io, same origin, the http-only
 * session cookie authenticates it). socket.io-client is loaded on first connect, so it is not part
 * of the sign-in page's download. Tickets being watched (presence) are watched again after a
 * reconnect, and listeners get a `resync` so they can refetch what they may have missed.
 */
export class RealtimeClient {
  private socket: Socket | null = null;
  private stopped = false;
  private everReady = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();
  private readonly statusListeners = new Set<() => void>();
  private readonly watched = new Map<string, number>();
  private state: RealtimeStatus = 'connecting';

  constructor(private readonly load: () => Promise<typeof import('socket.io-client')> = () => import('socket.io-client')) {}

  get status(): RealtimeStatus {
    return this.state;
  }

  readonly getStatus = (): RealtimeStatus => this.state;

  readonly subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  async start(): Promise<void> {
    this.stopped = false;
    const { io } = await this.load();
    if (this.stopped || this.socket) return;
    const socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'], reconnectionDelayMax: 10_000 });
    this.socket = socket;
    socket.on('ready', () => {
      this.setStatus('live');
      for (const ticketId of this.watched.keys()) socket.emit('ticket.watch', { ticketId });
      if (this.everReady) this.dispatch('resync', {});
      this.everReady = true;
    });
    socket.on('connect_error', () => this.setStatus('offline'));
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      // The server closed it (e.g. the session was being renewed): try again a little later ourselves.
      if (reason === 'io server disconnect' && !this.stopped) {
        this.retryTimer = setTimeout(() => socket.connect(), 3_000);
      }
    });
    socket.onAny((event: string, payload: unknown) => this.dispatch(event, payload));
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.everReady = false;
    this.watched.clear();
    this.setStatus('connecting');
  }

  on<E extends RealtimeEventName>(event: E, handler: Handler<E>): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler as (payload: unknown) => void);
    this.handlers.set(event, set);
    return () => set.delete(handler as (payload: unknown) => void);
  }

  /** Presence: this screen has the ticket open (counted, so two components may watch one ticket). */
  watch(ticketId: string): () => void {
    const count = this.watched.get(ticketId) ?? 0;
    this.watched.set(ticketId, count + 1);
    if (count === 0 && this.state === 'live') this.socket?.emit('ticket.watch', { ticketId });
    return () => {
      const left = (this.watched.get(ticketId) ?? 1) - 1;
      if (left > 0) {
        this.watched.set(ticketId, left);
        return;
      }
      this.watched.delete(ticketId);
      if (this.state === 'live') this.socket?.emit('ticket.unwatch', { ticketId });
    };
  }

  typing(ticketId: string): void {
    if (this.state === 'live') this.socket?.emit('ticket.typing', { ticketId });
  }

  private dispatch(event: string, payload: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`realtime handler for ${event} failed`, error);
      }
    }
  }

  private setStatus(next: RealtimeStatus): void {
    if (this.state === next) return;
    this.state = next;
    for (const listener of this.statusListeners) listener();
  }
}
