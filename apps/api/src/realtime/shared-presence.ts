import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@app/queue';
import { presenceOf, type TicketPresence, type Watch } from './ticket-presence.js';

/** Channel (under the Redis prefix) on which a process says "the presence of this ticket changed". */
const PRESENCE_CHANNEL = 'presence';
/** Each process re-writes its part this often, so a crashed process's viewers disappear. */
export const PRESENCE_HEARTBEAT_MS = 15_000;
/** A process's part older than this is ignored (it stopped without cleaning up). */
const PRESENCE_STALE_MS = 3 * PRESENCE_HEARTBEAT_MS;

interface Part {
  seenAt: number;
  watches: Watch[];
}

/**
 * A ticket's presence across api replicas: a Redis hash per ticket (`presence:<ticketId>`) with one
 * field per process holding that process's watches. A process writes its part after every change
 * and on a heartbeat, then publishes the ticket id; every process then reads the hash and sends the
 * merged presence to its own sockets in the ticket's room. Redis 7.0 has no per-field expiry, so a
 * part carries the time it was written and stale parts are skipped.
 */
export class SharedPresence {
  /** This process, as a field of every hash it writes. */
  readonly processId = randomUUID();

  constructor(private readonly redis: RedisClient) {}

  get channel(): string {
    return `${this.redis.prefix}${PRESENCE_CHANNEL}`;
  }

  /** Writes this process's watches of a ticket (none: removes its part) and tells every process. */
  async publish(ticketId: string, watches: Watch[], now = Date.now()): Promise<void> {
    const key = this.key(ticketId);
    const tx = this.redis.client.multi();
    if (watches.length) tx.hset(key, this.processId, JSON.stringify({ seenAt: now, watches } satisfies Part));
    else tx.hdel(key, this.processId);
    tx.pexpire(key, PRESENCE_STALE_MS);
    await tx.exec();
    // PUBLISH does not apply ioredis' keyPrefix to the channel name.
    await this.redis.client.publish(this.channel, ticketId);
  }

  /** Re-writes this process's part of every ticket it watches (no announcement: nothing changed). */
  async heartbeat(parts: { ticketId: string; watches: Watch[] }[], now = Date.now()): Promise<void> {
    if (!parts.length) return;
    const tx = this.redis.client.multi();
    for (const { ticketId, watches } of parts) {
      tx.hset(this.key(ticketId), this.processId, JSON.stringify({ seenAt: now, watches } satisfies Part));
      tx.pexpire(this.key(ticketId), PRESENCE_STALE_MS);
    }
    await tx.exec();
  }

  /** The merged presence of a ticket from every live process. */
  async snapshot(ticketId: string, now = Date.now()): Promise<TicketPresence> {
    const parts = await this.redis.client.hgetall(this.key(ticketId));
    const watches: Watch[] = [];
    for (const raw of Object.values(parts)) {
      const part = JSON.parse(raw) as Part;
      if (now - part.seenAt <= PRESENCE_STALE_MS) watches.push(...part.watches);
    }
    return presenceOf(ticketId, watches, now);
  }

  private key(ticketId: string): string {
    return `presence:${ticketId}`;
  }
}
