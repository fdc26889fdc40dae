import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@app/common';
import { RedisClient } from '@app/queue';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters in Redis (keys get REDIS_PREFIX). Fails open: when Redis is away the form
 * keeps working unthrottled, because losing a person's message is worse than letting a burst through.
 */
@Injectable()
export class FormRateLimiter {
  private readonly logger = new Logger(FormRateLimiter.name);

  constructor(private readonly redis: RedisClient) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    if (this.redis.client.status !== 'ready') {
      this.logger.warn(`rate limit ${key.split(':')[0]} not checked: Redis is ${this.redis.client.status}`);
      return { allowed: true };
    }
    try {
      const result = await withTimeout(this.redis.client.multi().incr(key).ttl(key).exec(), 500);
      const count = Number(result?.[0]?.[1] ?? 0);
      let ttl = Number(result?.[1]?.[1] ?? -1);
      // Set the expiry when the key has none (also repairs a key left without one).
      if (ttl < 0) {
        await this.redis.client.expire(key, windowSeconds);
        ttl = windowSeconds;
      }
      return count > limit ? { allowed: false, retryAfterSeconds: Math.max(ttl, 1) } : { allowed: true };
    } catch (error) {
      this.logger.warn(`rate limit ${key.split(':')[0]} not checked: ${(error as Error).message}`);
      return { allowed: true };
    }
  }
}
