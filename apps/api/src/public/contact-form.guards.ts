import { type CanActivate, type ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FormRateLimiter } from '@app/channels';
import { clientIp, DomainError } from '@app/common';

/** Largest contact-form body: room for a 5,000-character Arabic message even when every letter is sent as \uXXXX. */
const CONTACT_FORM_MAX_BYTES = 64 * 1024;
/** Per client address: at most this many submissions per window. */
const CONTACT_FORM_LIMIT = 5;
const CONTACT_FORM_WINDOW_SECONDS = 10 * 60;

/** 413 for a body larger than a contact form needs (the api-wide limit is BODY_LIMIT_KB). */
@Injectable()
export class ContactFormSizeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    const size = req.rawBody?.length ?? Number(req.headers['content-length'] ?? 0);
    if (size > CONTACT_FORM_MAX_BYTES) throw new PayloadTooLargeException(`the contact form accepts at most ${CONTACT_FORM_MAX_BYTES / 1024} KB`);
    return true;
  }
}

/** Counts every submission (valid or not) per client address; 429 with Retry-After past the limit. */
@Injectable()
export class ContactFormRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: FormRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const decision = await this.limiter.hit(`form:contact:${clientIp(req) ?? 'unknown'}`, CONTACT_FORM_LIMIT, CONTACT_FORM_WINDOW_SECONDS);
    if (decision.allowed) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(decision.retryAfterSeconds));
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new DomainError(
      'rate_limited',
      `too many messages from this address: at most ${CONTACT_FORM_LIMIT} in ${CONTACT_FORM_WINDOW_SECONDS / 60} minutes; please try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    );
  }
}
