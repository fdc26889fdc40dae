import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { RedisClient } from '@app/queue';
import { OTP_TTL_MS } from './otp.js';

/**
 * Where a one-time code can be read back when nothing left the machine. A code is never written
 * to a ticket message (officers read those) nor to the database (only its HMAC is). When the SMS
 * channel is sandboxed — or NODE_ENV=test, where a fake provider may stand in for Twilio — the
 * plain code is kept in Redis for its 10 minutes so that tests (and a developer trying the flow in
 * sandbox mode) can read it in-process with `peek`. No HTTP route exposes it.
 */
@Injectable()
export class DeclarationCodeOutbox {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  private key(codeId: string): string {
    return `declaration-code-outbox:${codeId}`;
  }

  /** Keeps the code only for a sandboxed send or in tests; returns whether it was kept. */
  async keep(codeId: string, code: string, sandbox: boolean): Promise<boolean> {
    if (!sandbox && this.config.NODE_ENV !== 'test') return false;
    await this.redis.client.set(this.key(codeId), code, 'PX', OTP_TTL_MS);
    return true;
  }

  async peek(codeId: string): Promise<string | null> {
    return this.redis.client.get(this.key(codeId));
  }
}
