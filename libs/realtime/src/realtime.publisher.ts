import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@app/queue';
import { REALTIME_CHANNEL, type RealtimeEvent } from './realtime-event.js';

/**
 * Publishes console events through Redis pub/sub, so an event raised in the worker or in
 * any api replica reaches the sockets held by every api replica.
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);

  constructor(private readonly redis: RedisClient) {}

  get channel(): string {
    return `${this.redis.prefix}${REALTIME_CHANNEL}`;
  }

  async publish(event: RealtimeEvent): Promise<void> {
    await this.publishAll([event]);
  }

  /** Events raised together (a new ticket and its messages), in order and in one round trip to Redis. */
  async publishAll(events: RealtimeEvent[]): Promise<void> {
    if (!events.length) return;
    try {
      // PUBLISH does not apply ioredis' keyPrefix to the channel name, so the prefix is added here.
      const pipeline = this.redis.client.pipeline();
      for (const event of events) pipeline.publish(this.channel, JSON.stringify(event));
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (error) {
      // A missed live update only delays the console until its next refresh; never fail the change itself.
      this.logger.warn(`could not publish ${events.map((e) => e.type).join(', ')}: ${(error as Error).message}`);
    }
  }
}
