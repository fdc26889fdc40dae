import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/common';

/**
 * The plain Redis client for our own keys (rate limits, presence, realtime fan-out).
 * Every key gets REDIS_PREFIX, so installations and test files never see each other's data.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.prefix = `${config.REDIS_PREFIX}:`;
    this.client = new Redis(config.REDIS_URL, {
      keyPrefix: this.prefix,
      maxRetriesPerRequest: 2,
    });
    // Errors surface through health checks and callers; without a listener ioredis logs each reconnect attempt as unhandled.
    this.client.on('error', () => undefined);
  }

  /** A new connection with the same settings, e.g. for pub/sub subscribers. */
  duplicate(): Redis {
    return this.client.duplicate();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
