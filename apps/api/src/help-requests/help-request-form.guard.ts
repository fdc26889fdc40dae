import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FormRateLimiter } from '@app/channels';
import { AppConfig, clientIp, DomainError } from '@app/common';

const WINDOW_SECONDS = 3600;

/** Counts every help-request form post per client address (valid or not, before validation); 429 with Retry-After past the limit. */
@Injectable()
export class HelpRequestFormRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: FormRateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const limit = this.config.HELP_REQUEST_FORM_LIMIT_PER_HOUR;
    const decision = await this.limiter.hit(`form:help-request:${clientIp(req) ?? 'unknown'}`, limit, WINDOW_SECONDS);
    if (decision.allowed) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new DomainError(
      'rate_limited',
      `too many applications from this address: at most ${limit} an hour; please try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes`,
    );
  }
}
