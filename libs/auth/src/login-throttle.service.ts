import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '@app/common';
import { RedisClient } from '@app/queue';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_ATTEMPTS_PER_IP = 30;

/**
 * Slows password guessing: an account locks for the rest of a 15-minute window after
 * five failures, and one address may try thirty times per window whatever the account.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly redis: RedisClient) {}

  private accountKey(email: string): string {
    // Hashed so the e-mail address itself is not written to Redis.
    return `login:acct:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
  }

  private ipKey(ip: string): string {
    return `login:ip:${ip}`;
  }

  /** Counts this attempt against the address and refuses when either limit is reached. */
  async beforeAttempt(email: string, ip: string | null): Promise<void> {
    const [failures, ttl] = await Promise.all([this.redis.client.get(this.accountKey(email)), this.redis.client.ttl(this.accountKey(email))]);
    if (Number(failures ?? 0) >= MAX_FAILURES_PER_ACCOUNT) {
      throw new DomainError('rate_limited', `too many failed sign-ins for this account; try again in ${Math.ceil(Math.max(ttl, 60) / 60)} minutes`);
    }
    if (ip) {
      const key = this.ipKey(ip);
      const attempts = await this.redis.client.incr(key);
      if (attempts === 1) await this.redis.client.expire(key, WINDOW_SECONDS);
      if (attempts > MAX_ATTEMPTS_PER_IP) {
        throw new DomainError('rate_limited', 'too many sign-in attempts from this address; try again later');
      }
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.accountKey(email);
    const failures = await this.redis.client.incr(key);
    if (failures === 1) await this.redis.client.expire(key, WINDOW_SECONDS);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.client.del(this.accountKey(email));
  }
}
