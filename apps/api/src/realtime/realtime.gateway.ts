import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Redis } from 'ioredis';
import type { Server, Socket } from 'socket.io';
import { ACCESS_COOKIE, AuthService, type StaffPrincipal } from '@app/auth';
import { RedisClient } from '@app/queue';
import { REALTIME_CHANNEL, type RealtimeEvent } from '@app/realtime';
import { TicketsService } from '@app/tickets';
import { PRESENCE_HEARTBEAT_MS, SharedPresence } from './shared-presence.js';
import { TicketPresenceRegistry } from './ticket-presence.js';

const RECHECK_MS = 60_000;
/** How often typing signals that ran out are swept (and the change announced). */
const TYPING_SWEEP_MS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ticketIdOf(body: unknown): string | null {
  const id = (body as { ticketId?: unknown } | null)?.ticketId;
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null;
}

function tokenOf(socket: Socket): string | null {
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof fromAuth === 'string' && fromAuth) return fromAuth;
  const cookie = socket.handshake.headers.cookie ?? '';
  const match = cookie
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${ACCESS_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(ACCESS_COOKIE.length + 1)) : null;
}

/**
 * Live updates for the console over socket.io, signed in with the same token as the API.
 * Events arrive from every process through Redis pub/sub and go to the staff who may see them.
 *
 * Presence: a console emits `ticket.watch {ticketId}` when it opens a ticket, `ticket.unwatch` when it
 * leaves, and `ticket.typing {ticketId}` every few seconds while its user types a reply or note. Every
 * change is broadcast to the ticket's room as `presence {ticketId, viewers, typing}`, with the viewers held
 * by every api replica (this process's sockets in `presence`, everyone's through `SharedPresence`).
 */
@WebSocketGateway({ path: '/socket.io', cors: false })
export class RealtimeGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private subscriber?: Redis;
  private recheck?: NodeJS.Timeout;
  private typingSweep?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  readonly presence = new TicketPresenceRegistry();
  private readonly shared: SharedPresence;

  @WebSocketServer()
  server!: Server;

  constructor(
    private readonly auth: AuthService,
    private readonly redis: RedisClient,
    private readonly tickets: TicketsService,
  ) {
    this.shared = new SharedPresence(redis);
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.client.duplicate({ keyPrefix: '' });
    this.subscriber.on('error', () => undefined);
    const events = `${this.redis.prefix}${REALTIME_CHANNEL}`;
    await this.subscriber.subscribe(events, this.shared.channel);
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === events) this.deliver(raw);
      else if (channel === this.shared.channel) void this.sendPresence(raw);
    });
    // Sessions end (sign-out, deactivation): sockets of ended sessions are dropped.
    this.recheck = setInterval(() => void this.dropEndedSessions(), RECHECK_MS);
    this.recheck.unref();
    this.typingSweep = setInterval(() => {
      for (const ticketId of this.presence.expire(Date.now())) this.announcePresence(ticketId);
    }, TYPING_SWEEP_MS);
    this.typingSweep.unref();
    this.heartbeat = setInterval(() => {
      const parts = this.presence.watchedTickets().map((ticketId) => ({ ticketId, watches: this.presence.watches(ticketId) }));
      this.shared.heartbeat(parts).catch((error: Error) => this.logger.warn(`presence heartbeat failed: ${error.message}`));
    }, PRESENCE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.recheck) clearInterval(this.recheck);
    if (this.typingSweep) clearInterval(this.typingSweep);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token = tokenOf(socket);
    const principal = token ? await this.auth.authenticate(token) : null;
    if (!principal) {
      socket.emit('error', { statusCode: 401, message: 'sign in first' });
      socket.disconnect(true);
      return;
    }
    socket.data.staff = principal;
    await socket.join([`user:${principal.id}`, `role:${principal.role}`]);
    socket.emit('ready', { userId: principal.id });
  }

  handleDisconnect(socket: Socket): void {
    for (const ticketId of this.presence.leaveAll(socket.id)) this.announcePresence(ticketId);
  }

  /** Opens a ticket: joins its room and is listed among its viewers. Answers the current presence. */
  @SubscribeMessage('ticket.watch')
  async watch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const staff = socket.data.staff as StaffPrincipal | undefined;
    const ticketId = ticketIdOf(body);
    if (!staff || !ticketId) return { ok: false };
    // Only tickets this person may open (the committee sees help requests only).
    const visible = await this.tickets.get(ticketId, staff).then(
      () => true,
      () => false,
    );
    if (!visible || !socket.connected) return { ok: false };
    await socket.join(`ticket:${ticketId}`);
    if (this.presence.watch(ticketId, socket.id, { id: staff.id, name: staff.name })) this.announcePresence(ticketId);
    else socket.emit('presence', await this.shared.snapshot(ticketId).catch(() => this.presence.snapshot(ticketId, Date.now())));
    return { ok: true };
  }

  @SubscribeMessage('ticket.unwatch')
  async unwatch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const ticketId = ticketIdOf(body);
    if (!ticketId) return { ok: false };
    await socket.leave(`ticket:${ticketId}`);
    if (this.presence.unwatch(ticketId, socket.id)) this.announcePresence(ticketId);
    return { ok: true };
  }

  /** Typing in the reply box of a watched ticket; repeated every few seconds while typing goes on. */
  @SubscribeMessage('ticket.typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): { ok: boolean } {
    const ticketId = ticketIdOf(body);
    if (!ticketId || !this.presence.isWatching(ticketId, socket.id)) return { ok: false };
    if (this.presence.typing(ticketId, socket.id, Date.now())) this.announcePresence(ticketId);
    return { ok: true };
  }

  /** This process's watches of a ticket changed: share them; every replica then tells its sockets. */
  private announcePresence(ticketId: string): void {
    this.shared.publish(ticketId, this.presence.watches(ticketId)).catch((error: Error) => {
      // Without Redis, the viewers on this process still see each other.
      this.logger.warn(`presence not shared: ${error.message}`);
      this.server?.to(`ticket:${ticketId}`).emit('presence', this.presence.snapshot(ticketId, Date.now()));
    });
  }

  private async sendPresence(ticketId: string): Promise<void> {
    if (!UUID.test(ticketId)) return;
    try {
      this.server?.to(`ticket:${ticketId}`).emit('presence', await this.shared.snapshot(ticketId));
    } catch (error) {
      this.logger.warn(`presence of ${ticketId} not read: ${(error as Error).message}`);
    }
  }

  private deliver(raw: string): void {
    let event: RealtimeEvent;
    try {
      event = JSON.parse(raw) as RealtimeEvent;
    } catch {
      return;
    }
    const rooms = event.audience.userIds?.length
      ? event.audience.userIds.map((id) => `user:${id}`)
      : ['role:officer', 'role:supervisor', 'role:admin', ...(event.audience.ticketType === 'help_request' ? ['role:committee'] : [])];
    // Nobody here to tell (no console open on this process): skip encoding the packet.
    const present = this.server.sockets.adapter.rooms;
    if (rooms.some((room) => present.has(room))) this.server.to(rooms).emit(event.type, event.payload);
  }

  private async dropEndedSessions(): Promise<void> {
    for (const socket of await this.server.fetchSockets()) {
      const staff = socket.data.staff as StaffPrincipal | undefined;
      const token = tokenOf(socket as unknown as Socket);
      const still = token ? await this.auth.authenticate(token, { ignoreExpiration: true }) : null;
      if (!staff || !still) {
        this.logger.debug(`dropping socket of ended session ${staff?.sessionId ?? ''}`);
        socket.disconnect(true);
      }
    }
  }
}
