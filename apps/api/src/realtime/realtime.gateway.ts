import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Redis } from 'ioredis';
import type { Server, Socket } from 'socket.io';
import { ACCESS_COOKIE, AuthService, type StaffPrincipal } from '@app/auth';
import { RedisClient } from '@app/queue';
import { REALTIME_CHANNEL, type RealtimeEvent } from '@app/realtime';

const RECHECK_MS = 60_000;

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
 */
@WebSocketGateway({ path: '/socket.io', cors: false })
export class RealtimeGateway implements OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private subscriber?: Redis;
  private recheck?: NodeJS.Timeout;

  @WebSocketServer()
  server!: Server;

  constructor(
    private readonly auth: AuthService,
    private readonly redis: RedisClient,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.client.duplicate({ keyPrefix: '' });
    this.subscriber.on('error', () => undefined);
    const channel = `${this.redis.prefix}${REALTIME_CHANNEL}`;
    await this.subscriber.subscribe(channel);
    this.subscriber.on('message', (_channel: string, raw: string) => this.deliver(raw));
    // Sessions end (sign-out, deactivation): sockets of ended sessions are dropped.
    this.recheck = setInterval(() => void this.dropEndedSessions(), RECHECK_MS);
    this.recheck.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.recheck) clearInterval(this.recheck);
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
    this.server.to(rooms).emit(event.type, event.payload);
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
